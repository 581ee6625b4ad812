// Each finding once, at the level of its severity, then one short summary line; a failure's
// message counts and points at the log and the reports instead of repeating the findings.
def log = new File(basedir, 'build.log').text
// The two invocations write one after the other into build.log.
def runs = log.split(/(?m)^\[INFO\] Scanning for projects/).findAll { it.contains('egress:') }
assert runs.size() == 2
def (never, failing) = runs

def findingLines = { String run -> run.readLines().findAll { it =~ /scale-sets\.json:\d+:\d+: / } }
def expected = [
    /^\[ERROR\] src\/main\/arm\/scale-sets\.json:\d+:\d+: error EG002 subnet 'nodes' of vnet 'cluster-vnet' has no NAT gateway$/,
    /^\[WARNING\] src\/main\/arm\/scale-sets\.json:\d+:\d+: warning EG004 subnet 'nodes' /,
    /^\[ERROR\] src\/main\/arm\/scale-sets\.json:\d+:\d+: error EG003 scale set 'web' leaves through public load balancer/,
    /^\[ERROR\] src\/main\/arm\/scale-sets\.json:\d+:\d+: error EG003 scale set 'api' leaves through public load balancer/,
]

[never, failing].each { run ->
    def lines = findingLines(run).findAll { !it.contains('Egress Guard') }
    assert lines.size() == expected.size(): lines.join('\n')
    expected.eachWithIndex { pattern, i -> assert lines[i] =~ pattern }
    // No line repeats a finding, and no line is a wall of text.
    assert run.readLines().count { it.contains('leaves through public load balancer') } == 2
    assert run.readLines().every { it.length() < 600 }
    assert run.contains('[INFO] Egress Guard: 4 failed (3 error, 1 warning, 0 note), 0 unknown, 0 suppressed in 1 file')
}

// failOn=never: errors are [ERROR] lines, and the build passes.
assert never.contains('BUILD SUCCESS')
assert never.contains('[INFO] Egress Guard does not fail the build (failOn is never): 4 failed (3 error, 1 warning, 0 note)')

// failOn=error: one summary line naming the scale sets, not their ipConfigurations, then a short failure.
assert failing.contains('BUILD FAILURE')
def summary = failing.readLines().findAll { it.startsWith('[ERROR] Egress Guard fails the build: ') }
assert summary.size() == 1
assert summary[0] =~ /EG003 error on scale set 'web' at src\/main\/arm\/scale-sets\.json:\d+:\d+; EG003 error on scale set 'api' at /
assert !summary[0].contains('myIpConfig')
assert failing =~ /(?m)^\[ERROR\] Failed to execute goal dev\.egressguard:egress-maven-plugin:[^ ]+:verify \(default\) on project log-levels: Egress Guard: 3 findings at or above error fail the build; see the log above and the reports in target\/egress\. -> \[Help 1\]$/
// Maven prints the failure message once; it names no finding.
assert !(failing =~ /(?m)^\[ERROR\] .*Failed to execute goal.*\n\[ERROR\] src\//)
assert !(log =~ /(?m)^\s+at [\w.$]+\(/)
return true
