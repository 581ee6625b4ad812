// A reactor built with two threads: each module checks its own templates and writes its own reports.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('MultiThreadedBuilder')
// verify is threadSafe: Maven does not warn about it.
assert !log.contains('not marked as @threadSafe')
['module-a', 'module-b'].each { m ->
    def json = new JsonSlurper().parse(new File(basedir, "${m}/target/egress/egress-report.json"))
    assert json.summary.failed == 0
    assert json.summary.resources > 0
    assert json.inputs.size() == 1
}
// module-c has no templates: nothing to check, no report.
assert !new File(basedir, 'module-c/target/egress').exists()
assert log.contains('No ARM templates')
return true
