// egress:audit resolved dev.egressguard:egress-guard-azure and its Azure SDK for itself, loaded them
// in a class loader of their own, and the module's own validation refused the id, without network.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains("Egress Guard audit: 'not/an/id' is not a subscription id")
assert log.contains('dev.egressguard.azure.AzureLiveSource loaded from')
assert log =~ /Egress Guard audit: loads com\.azure:azure-core:jar:/

// The plugin's own realm (what every goal loads) holds no Azure module and no SDK.
def realm = log.readLines()
        .dropWhile { !it.contains('Populating class realm plugin>dev.egressguard:egress-maven-plugin') }
        .drop(1)
        .takeWhile { it.contains('Included:') }
assert realm.any { it.contains('dev.egressguard:egress-guard-core:') }
assert !realm.any { it.contains('egress-guard-azure') || it.contains('com.azure') || it.contains('io.netty') }
return true
