// broken.json misses a comma; nodes.json is fine JSON with a finding. The broken file is reported
// where it breaks, without a stack trace, and nodes.json is still checked.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log =~ /src\/main\/arm\/broken\.json:9:\d+: error/
assert log =~ /src\/main\/arm\/nodes\.json:\d+:\d+: error EG001 /
assert !(log =~ /(?m)^\s+at [\w.$]+\(/)
assert !log.contains('JsonParseException')

def json = new JsonSlurper().parse(new File(basedir, 'target/egress/egress-report.json'))
assert json.diagnostics.any { it.level == 'error' && it.file == 'src/main/arm/broken.json' && it.line == 9 }
assert json.findings.any { it.ruleId == 'EG001' && it.file == 'src/main/arm/nodes.json' }
return true
