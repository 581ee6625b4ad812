def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Egress Guard is skipped')
assert !new File(basedir, 'target/egress').exists()
return true
