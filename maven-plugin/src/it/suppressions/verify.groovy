// egress-suppressions.yaml in the base directory is picked up by convention: one entry holds,
// one has expired (its finding fails the build again), one matches nothing (stale).
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log =~ /egress-suppressions\.yaml:\d+:\d+: warning: suppression of EG001 on '\*api\*' expired on 2020-01-31; its findings count again/
assert log =~ /egress-suppressions\.yaml:\d+:\d+: warning: stale suppression: EG002 on '\*\/subnets\/legacy' matches no finding/
// Failing: the api VM (expired suppression) and the batch VM (never suppressed); not the web VM.
assert log =~ /app\.json:\d+:\d+: error EG001 .*api/
assert log =~ /app\.json:\d+:\d+: error EG001 .*batch/
assert !(log =~ /app\.json:\d+:\d+: error EG001 .*'web/)

def json = new JsonSlurper().parse(new File(basedir, 'target/egress/egress-report.json'))
def eg001 = json.findings.findAll { it.ruleId == 'EG001' }
def web = eg001.findAll { it.resourceId.contains('/web') }
assert !web.isEmpty()
web.each { f ->
    assert f.suppressed.kind == 'FILE'
    assert f.suppressed.justification.contains('NET-42')
    assert f.suppressed.file == 'egress-suppressions.yaml'
}
assert eg001.findAll { it.resourceId.contains('/api') }.every { it.suppressed == null }
assert json.summary.suppressed == web.size()
return true
