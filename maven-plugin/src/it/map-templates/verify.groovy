// egress:map on a small project: a scale set behind a NAT gateway, a jump VM with a public IP of its own.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// The three invocations write one after the other into build.log.
def runs = log.split(/(?m)^\[INFO\] Scanning for projects/).findAll { it.contains('egress:') }
assert runs.size() == 3
def (first, again, old) = runs

// 1: the three files, and one summary line; findings (EG001 on the jump VM) do not fail the goal.
assert first.contains('BUILD SUCCESS')
def reports = new File(basedir, 'target/egress')
['egress-map.json', 'egress-map.md', 'egress-allowlist.txt'].each { name ->
    assert first =~ /(?m)^\[INFO\] Egress Guard map: .*target\/egress\/${java.util.regex.Pattern.quote(name)}$/
}
assert first =~ /(?m)^\[INFO\] Egress map: 2 nodes \(1 natGateway, 1 instancePublicIp\); 2 egress IPs, 2 not known yet$/
assert !(first =~ /EG00\d/)
assert reports.list().toList().toSorted() == ['egress-allowlist.txt', 'egress-map.json', 'egress-map.md']

def json = new JsonSlurper().parse(new File(reports, 'egress-map.json'))
assert json.schemaVersion == 1
def nodes = json.nodes.collectEntries { [(it.name): it] }
assert nodes.keySet() == ['shop-workers', 'jump-vm'] as Set
assert nodes['shop-workers'].kind == 'scaleSet'
assert nodes['shop-workers'].egress.path == 'natGateway'
assert nodes['shop-workers'].egress.via.endsWith('/providers/Microsoft.Network/natGateways/shop-nat')
assert nodes['shop-workers'].file == 'src/main/arm/cluster.json'
assert nodes['shop-workers'].line > 0
assert nodes['jump-vm'].kind == 'virtualMachine'
assert nodes['jump-vm'].egress.path == 'instancePublicIp'
// Azure assigns the addresses at deployment: none is made up.
assert json.egressIps.size() == 2
assert json.egressIps.every { it.address == null && it.cidr == null && it.reason }
assert json.summary.nodes == 2
assert json.summary.byPath == [natGateway: 1, instancePublicIp: 1]

def md = new File(reports, 'egress-map.md').text
assert md.startsWith('## Egress map\n')
assert md.contains('| shop-workers | scaleSet | natGateway | shop-nat | assigned at deployment | - |')
assert md.contains('| jump-vm | virtualMachine | instancePublicIp | jump-ip | assigned at deployment | - |')
assert md.contains('```mermaid\nflowchart LR\n')
assert md.contains('  s1 -->|"natGateway"| e1')

def allowlist = new File(reports, 'egress-allowlist.txt').readLines()
assert allowlist[0] == '# Egress Guard allowlist: the source addresses of these nodes, one CIDR per line.'
assert allowlist.contains('# vnet shop-vnet')
assert allowlist.contains('# shop-workers: natGateway via shop-nat: address of shop-nat-ip assigned at deployment (run egress map --live)')
assert allowlist.every { it.startsWith('#') }

// 2: against the first map nothing changed.
assert again.contains('BUILD SUCCESS')
def next = new File(basedir, 'target/egress-again')
assert new File(next, 'egress-map.json').text == new File(reports, 'egress-map.json').text
assert new File(next, 'egress-map.md').text.contains('### Changes since target/egress/egress-map.json\n\nNo changes.')
def changes = new File(next, 'egress-allowlist.txt').readLines()
assert changes[0] == '# Egress Guard allowlist changes since target/egress/egress-map.json'
assert changes.every { it.startsWith('#') }

// 3: an unreadable previous map fails the build at its file:line:column, before anything is written.
assert old.contains('BUILD FAILURE')
assert old =~ /Egress Guard map: old-map\.json:2:21: schemaVersion 2 is not understood by this version \(it reads 1\) \(previousMap, egress\.map\.previous\)/
assert !new File(basedir, 'target/egress-old').exists()
assert !(old =~ /(?m)^\s+at [\w.$]+\(/)
return true
