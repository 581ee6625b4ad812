package dev.egressguard.core.template;

/**
 * What {@code parameters()}, {@code variables()} and user function calls resolve against. A
 * nested template with outer scope shares its parent's symbols; one with inner scope has its own.
 */
record Symbols(Parameters parameters, Variables variables, UserFunctions functions) {

    void bind(TemplateScope scope) {
        parameters.bind(scope);
        variables.bind(scope);
        functions.bind(scope);
    }
}
