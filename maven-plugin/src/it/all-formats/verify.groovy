// Every format is written and well-formed (failOn=never: the findings do not fail the build).
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
// The console format goes to the build log.
assert log =~ /cluster\.json:\d+:\d+: error EG001 /
assert log.contains('Egress Guard:')

def reports = new File(basedir, 'target/egress')

def json = new JsonSlurper().parse(new File(reports, 'egress-report.json'))
assert json.formatVersion == 1
assert json.findings.size() >= 4

def sarif = new JsonSlurper().parse(new File(reports, 'egress-report.sarif'))
assert sarif.version == '2.1.0'
assert sarif.'$schema'.contains('sarif')
def run = sarif.runs[0]
assert run.tool.driver.name == 'Egress Guard'
assert run.tool.driver.rules.collect { it.id }.containsAll(['EG001', 'EG002', 'EG003', 'EG004'])
assert run.results.size() == json.findings.size()
run.results.each { r ->
    assert r.ruleId ==~ /EG\d{3}/
    assert r.message.text
    def region = r.locations[0].physicalLocation.region
    assert region.startLine > 0
}

def junit = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(reports, 'TEST-egress.xml'))
assert junit.documentElement.tagName in ['testsuite', 'testsuites']
assert junit.getElementsByTagName('testcase').length > 0
assert junit.getElementsByTagName('failure').length >= 4

def markdown = new File(reports, 'egress-summary.md').text
assert markdown =~ /(?m)^#/
['EG001', 'EG002', 'EG003', 'EG004'].each { assert markdown.contains(it) }
return true
