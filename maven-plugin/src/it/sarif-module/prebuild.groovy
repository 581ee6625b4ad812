// The project's root stands for the root of a repository: code scanning resolves SARIF URIs from
// there. (A checkout of this project holds the ITs inside its own repository, whose .git would be
// found first; an IT project cannot ship a .git of its own, so it is made here.)
def git = new File(basedir, '.git')
assert git.isDirectory() || git.mkdirs()
return true
