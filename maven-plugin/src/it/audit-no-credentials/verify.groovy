// Without -X the build log holds the goal's own message and none of the SDK's logging: no
// "Azure Identity =>" INFO lines, no MSAL warning with its JSON parse error, no az.sdk.message JSON.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('Egress Guard audit: could not get a token for Azure Resource Manager')
def sdkLines = log.readLines().findAll {
    it.contains('Azure Identity =>') || it.contains('az.sdk.message') || it.contains('com.microsoft.aad.msal4j')
            || it.contains('JsonParseException') || it.startsWith('SLF4J')
}
assert sdkLines.isEmpty() : sdkLines.join('\n')
return true
