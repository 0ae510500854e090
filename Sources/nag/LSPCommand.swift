import ArgumentParser
import Foundation
import NagLSP

/// `nag lsp`: a Language Server Protocol server on standard input and output, for editors.
struct LSP: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Serve the Language Server Protocol on standard input and output: findings in the editor as you type.",
        discussion: "Settings (packs, failOn, levels, parameters, customRules, showSuppressed) come from the project's .nag.yaml, then from the editor: see the README's Editor integration.")

    @Flag(name: .customLong("stdio"), help: "Use standard input and output (the default and only transport; accepted because editors pass it).")
    var stdio = false

    func run() throws {
        // A client that quits mid-write must end the server with an error status, not a signal.
        signal(SIGPIPE, SIG_IGN)
        let status = ServerLoop().run()
        if status != 0 { throw ExitCode(status) }
    }
}
