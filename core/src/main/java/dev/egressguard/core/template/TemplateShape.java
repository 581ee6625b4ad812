package dev.egressguard.core.template;

import dev.egressguard.core.value.Value;

/** The sections of a template have the JSON kinds Azure requires; a wrong one is reported and ignored. */
final class TemplateShape {

    private TemplateShape() {
    }

    static void check(TemplateDocument doc, EvaluationLog log) {
        for (String section : new String[] {"parameters", "variables", "outputs", "definitions"}) {
            expect(doc, log, section, doc.section(section) instanceof Value.Obj, "an object");
        }
        expect(doc, log, "functions", doc.section("functions") instanceof Value.Arr, "an array of namespaces");
        // 'resources' is required, an array (an object in languageVersion 2.0): null is neither, and
        // Azure's template schema refuses it (learn.microsoft.com/azure/azure-resource-manager/templates/syntax).
        if (doc.section("resources") instanceof Value.Null) {
            log.error(doc.map().locate(doc.sectionPointer("resources")), "'resources' is null; a template lists its"
                    + " resources in an array, [] when it deploys none");
        }
    }

    private static void expect(TemplateDocument doc, EvaluationLog log, String section, boolean ok, String what) {
        Value v = doc.section(section);
        if (v != null && !(v instanceof Value.Null) && !ok) {
            log.error(doc.map().locate(doc.sectionPointer(section)), "'" + section + "' must be " + what + ", not "
                    + v.typeName() + "; it is ignored");
        }
    }
}
