// -Degress.linkedTemplateLocations=PREFIX=DIR,PREFIX=DIR as Maven configures it: both URIs lead to project files, the linked
// child is checked through main.json (with nicName passed), its EG001 at its own file:line.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !log.contains('is not fetched')
assert log.contains('src/main/arm/nested/web.json is checked as linked by src/main/arm/main.json:5:5')

def json = new JsonSlurper().parse(new File(basedir, 'target/egress/egress-report.json'))
assert json.inputs == ['src/main/arm/main.json']
def eg001 = json.findings.findAll { it.ruleId == 'EG001' }
assert eg001.size() == 1
assert eg001[0].file == 'src/main/arm/nested/web.json'
assert eg001[0].line == 18
assert json.findings.every { !it.resourceName.startsWith('unknown-name') }
assert json.diagnostics.findAll { it.level == 'error' || it.level == 'warning' }.isEmpty()
return true
