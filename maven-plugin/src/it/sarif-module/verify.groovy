// A module below the repository root: SARIF URIs are relative to the root (%SRCROOT%), so GitHub
// code scanning finds the file; the JSON report's file stays relative to the module.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

def reports = new File(basedir, 'module/target/egress')
def run = new JsonSlurper().parse(new File(reports, 'egress-report.sarif')).runs[0]
def root = run.originalUriBaseIds.'%SRCROOT%'.uri
assert root == basedir.toPath().toAbsolutePath().normalize().toUri().toString()
assert !run.results.isEmpty()
run.results.each { r ->
    def artifact = r.locations[0].physicalLocation.artifactLocation
    assert artifact.uri == 'module/src/main/arm/x.json'
    assert artifact.uriBaseId == '%SRCROOT%'
}

def json = new JsonSlurper().parse(new File(reports, 'egress-report.json'))
assert !json.findings.isEmpty()
json.findings.each { assert it.file == 'src/main/arm/x.json' }
assert json.inputs == ['src/main/arm/x.json']
return true
