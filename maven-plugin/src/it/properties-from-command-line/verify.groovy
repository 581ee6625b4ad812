// Issue 14 items 1 and 3: every documented property works from the command line (here without any
// <configuration>), and a parameter file that pairs with no template is named, with the name it needs,
// while the summary counts the required parameter that got no value.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('infra/azuredeploy.params.json: warning: parameter file pairs with no template')
assert log.contains('name it azuredeploy.parameters.json to go with azuredeploy.json')
assert log.contains('1 required parameter without a value')

// egress.reportsDirectory and egress.formats
assert !new File(basedir, 'target/egress').exists()
assert !new File(basedir, 'target/custom-reports/egress-report.sarif').exists()
def json = new JsonSlurper().parse(new File(basedir, 'target/custom-reports/egress-report.json'))
// egress.templateDirectory
assert json.inputs == ['infra/azuredeploy.json']
assert json.summary.requiredParametersWithoutValue == 1
// egress.failOn=never let the EG001 error through; egress.disabledRules took EG004 out
assert json.findings.any { it.ruleId == 'EG001' && it.outcome == 'FAIL' }
assert json.rules.every { it.id != 'EG004' }
// egress.subscriptionId
assert json.findings.every { it.resourceId.startsWith('/subscriptions/11111111-2222-3333-4444-555555555555/') }
return true
