import groovy.json.JsonSlurper

def baselineFile = new File(basedir, 'egress-baseline.json')
assert baselineFile.isFile()
new JsonSlurper().parse(baselineFile)

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log =~ /app\.json:\d+:\d+: error EG001 .*api/
assert !(log =~ /app\.json:\d+:\d+: error EG001 .*'web/)

def json = new JsonSlurper().parse(new File(basedir, 'target/egress/egress-report.json'))
def eg001 = json.findings.findAll { it.ruleId == 'EG001' }
def web = eg001.findAll { it.resourceId.contains('/web') }
def api = eg001.findAll { it.resourceId.contains('/api') }
assert !web.isEmpty() && web.every { it.suppressed?.kind == 'BASELINE' }
assert !api.isEmpty() && api.every { it.suppressed == null }
return true
