import ArgumentParser
import NagRules

/// `nag graph`: prints the resource graph of each template.
struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print the resource graph of templates (resources, parameters, conditions, outputs and their references).")

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: json or dot (Graphviz).")
    var format: GraphRenderer.Format = .json

    func run() throws {
        try input.requirePaths()
        let (sources, problems) = input.discover()
        var failed = !problems.isEmpty
        problems.forEach { printError($0.description) }
        var graphs: [ResourceGraph] = []
        for (source, result) in zip(sources, input.loader.loadAll(sources)) where !TemplateLoader.isSkipped(source, result) {
            switch result {
            case .success(let written):
                let template = written.expandingServerlessResources()
                template.diagnostics.forEach { printError($0.description) }
                failed = failed || template.diagnostics.contains { $0.severity == .error }
                graphs.append(ResourceGraph(template: template))
            case .failure(let diagnostic):
                printError(diagnostic.description)
                failed = true
            }
        }
        print(GraphRenderer.render(graphs, as: format), terminator: "")
        if failed { throw ExitCode(ExitStatus.invalidInput) }
    }
}

extension GraphRenderer.Format: ExpressibleByArgument {}
