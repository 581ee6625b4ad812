// Issue 14 item 2: a configured templateDirectory with a typo fails the build and names the path.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('src/main/amr: no such template directory (templateDirectory, egress.templateDirectory)')
assert !log.contains('No ARM templates in')  // the message of a project without templates
return true
