package dev.egressguard.maven;

import dev.egressguard.core.live.LiveInventory;
import dev.egressguard.core.live.LiveRequest;
import dev.egressguard.core.live.LiveSource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The live source of {@code egress:audit}: module {@code egress-guard-azure} of the plugin's own
 * version, with the Azure SDK it needs (Netty, Reactor, MSAL: some forty jars). It is not a
 * dependency of the plugin, so that {@code egress:verify} and the other goals resolve and load
 * none of it; this class resolves it through Maven's resolver when an audit runs and loads it in
 * a class loader of its own. That loader's parent is the plugin's realm, asked first, so core,
 * Jackson and SnakeYAML are the plugin's (the {@code LiveInventory} handed back is a type both
 * sides share) and only what the plugin lacks comes from the resolved jars.
 */
final class AzureModule {

    static final String ARTIFACT_ID = "egress-guard-azure";

    private static final Set<String> RUNTIME_SCOPES = Set.of("compile", "runtime");

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;
    private final PluginDescriptor plugin;
    private final Log log;

    AzureModule(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories,
                PluginDescriptor plugin, Log log) {
        this.system = system;
        this.session = session;
        this.repositories = repositories;
        this.plugin = plugin;
        this.log = log;
    }

    /** Resolves the module and returns its {@link LiveSource}. */
    LiveSource load() throws MojoExecutionException {
        String coordinates = coordinates();
        List<File> jars = resolve(coordinates);
        // Not closed after the audit: the SDK's pooled Netty and Reactor threads outlive the read and
        // may still load classes; the loader lives as long as the plugin realm would have kept it.
        URLClassLoader loader = new URLClassLoader("egress-guard-azure", urls(jars), getClass().getClassLoader());
        LiveSource source = ServiceLoader.load(LiveSource.class, loader).findFirst().orElseThrow(() ->
                new MojoExecutionException("Egress Guard audit: " + coordinates + " was resolved but registers no "
                        + LiveSource.class.getName() + " service; its jar in the local repository may be damaged:"
                        + " delete it from there and run again"));
        log.debug("Egress Guard audit: " + source.getClass().getName() + " loaded from " + jars.size()
                + " jars in a class loader of its own");
        return new WithContextLoader(source, loader);
    }

    String coordinates() {
        return plugin.getGroupId() + ":" + ARTIFACT_ID + ":" + plugin.getVersion();
    }

    /** The module and its runtime dependencies, less what the plugin's realm already holds. */
    private List<File> resolve(String coordinates) throws MojoExecutionException {
        // The module as the root, as Maven resolves a plugin: its own pom's dependency management
        // (the pinned Jackson and Azure versions) then applies to the whole tree.
        CollectRequest collect = new CollectRequest(new Dependency(new DefaultArtifact(coordinates), "runtime"),
                repositories);
        DependencyFilter runtimeOnly = (node, parents) ->
                node.getDependency() == null || RUNTIME_SCOPES.contains(node.getDependency().getScope());
        List<ArtifactResult> results;
        try {
            results = system.resolveDependencies(session, new DependencyRequest(collect, runtimeOnly))
                    .getArtifactResults();
        } catch (DependencyResolutionException e) {
            throw new MojoExecutionException(unresolvable(coordinates, e.getMessage(), session.isOffline()), e);
        }
        Set<String> inRealm = plugin.getArtifacts().stream()
                .map(a -> key(a.getGroupId(), a.getArtifactId(), a.getClassifier()))
                .collect(Collectors.toSet());
        List<File> jars = new ArrayList<>();
        for (ArtifactResult result : results) {
            Artifact a = result.getArtifact();
            if (a != null && a.getFile() != null && !inRealm.contains(key(a.getGroupId(), a.getArtifactId(), a.getClassifier()))) {
                log.debug("Egress Guard audit: loads " + a);
                jars.add(a.getFile());
            }
        }
        return jars;
    }

    /** What a person reads when the module cannot be had: which artifact, and how to get it. */
    static String unresolvable(String coordinates, String resolverMessage, boolean offline) {
        String fetch = "mvn dependency:get -Dartifact=" + coordinates;
        String hint = offline
                ? "Maven runs offline (-o) and the module or part of the Azure SDK is not in the local repository:"
                  + " run the audit once without -o, or fetch it with '" + fetch + "'."
                : "Check that the plugin repositories of your settings.xml (or a mirror) serve it, or fetch it with '"
                  + fetch + "'.";
        String cause = resolverMessage == null ? "no details" : resolverMessage.strip().replaceAll("\\.+$", "");
        return "Egress Guard audit: egress:audit reads Azure through " + coordinates
                + " and its dependencies, which Maven resolves only for this goal, and they could not be resolved: "
                + cause + ". " + hint;
    }

    private static String key(String groupId, String artifactId, String classifier) {
        return groupId + ":" + artifactId + ":" + (classifier == null ? "" : classifier);
    }

    private static URL[] urls(List<File> jars) throws MojoExecutionException {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toURI().toURL();
            } catch (MalformedURLException e) {
                throw new MojoExecutionException("Egress Guard audit: cannot load " + jars.get(i) + ": " + e.getMessage(), e);
            }
        }
        return urls;
    }

    /**
     * Runs the read with the module's loader as the thread's context loader: the SDK finds its HTTP
     * client and other providers through it, and Maven's would not see them.
     */
    private record WithContextLoader(LiveSource source, ClassLoader loader) implements LiveSource {
        @Override
        public LiveInventory read(LiveRequest request) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return source.read(request);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }
}
