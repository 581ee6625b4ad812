package dev.egressguard.maven;

import java.io.File;

/**
 * Pairs a template with its parameter file when the file names do not follow the convention:
 * <pre>{@code
 * <parameterFiles>
 *   <parameterFile>
 *     <template>src/main/arm/cluster.json</template>
 *     <parameters>src/main/arm/env/prod.parameters.json</parameters>
 *   </parameterFile>
 * </parameterFiles>
 * }</pre>
 * Maven fills the fields by name; relative paths are resolved against the project's base directory.
 */
public class ParameterFile {

    private File template;
    private File parameters;

    public File getTemplate() {
        return template;
    }

    public void setTemplate(File template) {
        this.template = template;
    }

    public File getParameters() {
        return parameters;
    }

    public void setParameters(File parameters) {
        this.parameters = parameters;
    }
}
