// Issue 14 item 9: egress:test-rules runs the built-in pack by default, as docs/rules-language.md says.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('PASSED public-ip')
assert log.contains('1 passed, 0 failed, 0 errors')
return true
