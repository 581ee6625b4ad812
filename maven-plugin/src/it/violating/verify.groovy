// The bundled public-ip-cluster example breaks every egress rule; the build fails and says where.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
['EG001', 'EG002', 'EG003', 'EG004'].each { rule ->
    assert log =~ /public-ip-cluster\/src\/main\/arm\/cluster\.json:\d+:\d+: (error|warning) ${rule} /
}
// Each finding is logged once, at its level; the failure message counts them and points back.
assert log =~ /(?m)^\[ERROR\] \S*cluster\.json:\d+:\d+: error EG001 /
assert log =~ /(?m)^\[WARNING\] \S*cluster\.json:\d+:\d+: warning EG004 /
assert log =~ /(?m)^\[ERROR\] Failed to execute goal .*egress-maven-plugin.*:verify \(default\) on project violating: Egress Guard: \d+ findings at or above error fail the build; see the log above and the reports in target\/egress\. -> \[Help 1\]$/
// No stack trace without -X.
assert !(log =~ /(?m)^\s+at [\w.$]+\(/)

def json = new JsonSlurper().parse(new File(basedir, 'target/egress/egress-report.json'))
assert json.summary.failed >= 4
def rules = json.findings.collect { it.ruleId } as Set
assert rules.containsAll(['EG001', 'EG002', 'EG003', 'EG004'])
// One log line per finding: neither the summary nor the failure message repeats them.
assert log.readLines().count { it =~ /cluster\.json:\d+:\d+: (error|warning|note|unknown) EG\d{3} / } == json.findings.size()
json.findings.each { f ->
    assert f.outcome in ['FAIL', 'UNKNOWN']
    assert f.severity in ['error', 'warning', 'note']
    assert f.file.endsWith('cluster.json')
    assert f.line > 0 && f.column > 0
    assert f.message
    assert f.resourceId.startsWith('/subscriptions/')
    assert f.fingerprint ==~ /[0-9a-f]{64}/
}
// The scale set gives every instance a public IP: EG001 on the scale set.
assert json.findings.any { it.ruleId == 'EG001' && it.resourceType.equalsIgnoreCase('Microsoft.Compute/virtualMachineScaleSets') }
// The AKS pool's finding points at the property that causes it: "enableNodePublicIP": true.
def aks = json.findings.find { it.ruleId == 'EG001' && it.resourceType.equalsIgnoreCase('Microsoft.ContainerService/managedClusters/agentPools') }
assert aks
def lines = new File(aks.file).readLines()
def lineIndex = lines.findIndexOf { it.contains('"enableNodePublicIP"') }
assert aks.line == lineIndex + 1
assert aks.column == lines[lineIndex].indexOf('"enableNodePublicIP"') + 1
assert log.contains("cluster.json:${aks.line}:${aks.column}: error EG001 ")
return true
