// The bundled nat-gateway-cluster example: every node subnet leaves through a NAT gateway.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !(log =~ /: error EG\d{3}/)

def reports = new File(basedir, 'target/egress')
def json = new JsonSlurper().parse(new File(reports, 'egress-report.json'))
assert json.formatVersion == 1
assert json.summary.failed == 0
assert json.summary.unknown == 0
assert json.summary.rules >= 4
assert json.summary.resources >= 5
assert json.findings.isEmpty()
assert json.diagnostics.findAll { it.level == 'error' }.isEmpty()
assert json.inputs.any { it.endsWith('nat-gateway-cluster/src/main/arm/cluster.json') }

// -Degress.formats=console,json,junit: exactly those files, nothing else.
assert new File(reports, 'TEST-egress.xml').isFile()
assert !new File(reports, 'egress-report.sarif').exists()
assert !new File(reports, 'egress-summary.md').exists()
return true
