import Foundation
import Testing

/// `server/deploy.sh --dry-run` prints every command instead of running it, but really runs the nag gate.
@Suite struct DeployScriptTests {
    let deploy = TestPaths.path("server/deploy.sh")
    let environment = ["NAG": TestPaths.nagBinary]

    @Test func dryRunPrintsTheWholeDeployment() throws {
        let result = try TestPaths.run("/bin/bash", [deploy, "--dry-run", "--region", "eu-west-1", "--tag", "1.2.3"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let commands = result.stdout + result.stderr
        #expect(commands.contains("== nag gate:"))
        #expect(commands.contains("aws ecr create-repository --region eu-west-1 --repository-name websocket-server"))
        #expect(commands.contains("docker buildx build --platform linux/arm64 --tag '<account-id>.dkr.ecr.eu-west-1.amazonaws.com/websocket-server:1.2.3' --push"))
        #expect(commands.contains("com.amazonaws.global.cloudfront.origin-facing"))
        #expect(commands.contains("aws cloudformation deploy --region eu-west-1 --stack-name websocket-service"))
        #expect(commands.contains("'CloudFrontPrefixListId=<pl-cloudfront-origin-facing>'"))
    }

    @Test func aFailingTemplateStopsBeforeAnythingIsDeployed() throws {
        let template = TestPaths.path("Tests/Fixtures/stack/unsafe-service.yaml")
        let result = try TestPaths.run("/bin/bash", [deploy, "--dry-run", "--template", template], environment: environment)
        #expect(result.status == 1)
        #expect(result.stdout.contains("error AwsSolutions-S10 Uploads"))
        #expect(result.stderr.contains("does not pass nag; not deploying"))
        #expect(!(result.stdout + result.stderr).contains("docker buildx"))
        #expect(!(result.stdout + result.stderr).contains("cloudformation deploy"))
    }

    @Test func destroyDryRunDeletesTheStack() throws {
        let result = try TestPaths.run("/bin/bash", [TestPaths.path("server/destroy.sh"), "--dry-run", "--delete-repository"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("aws cloudformation delete-stack --stack-name websocket-service"))
        #expect(result.stdout.contains("aws cloudformation wait stack-delete-complete --stack-name websocket-service"))
        #expect(result.stdout.contains("aws ecr delete-repository --repository-name websocket-server --force"))
    }

    @Test(arguments: ["server/deploy.sh", "server/destroy.sh"])
    func helpListsEveryOptionAndNothingElse(_ script: String) throws {
        let result = try TestPaths.run("/bin/bash", [TestPaths.path(script), "--help"])
        #expect(result.status == 0, "\(result.stderr)")
        let source = try String(contentsOfFile: TestPaths.path(script), encoding: .utf8)
        let options = source.matches(of: /\n\s+(--[a-z-]+)\)/).map { String($0.output.1) }.filter { $0 != "--help" }
        #expect(options.contains("--repository"))
        for option in options {
            #expect(result.stdout.contains("[\(option)"), "\(script) --help does not show \(option) in its usage line")
            #expect(result.stdout.contains("\n\(option) "), "\(script) --help does not explain \(option)")
        }
        #expect(!result.stdout.contains("set -"), "\(script) --help printed a line of the script")
        #expect(result.stdout.hasSuffix(".\n"), "\(script) --help ends with: \(result.stdout.suffix(80))")
    }

    @Test func dryRunPrintsCommandsAsAShellReadsThem() throws {
        let result = try TestPaths.run("/bin/bash", [deploy, "--dry-run", "--region", "eu-west-1", "--tag", "1.2.3"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = (result.stdout + result.stderr).split(separator: "\n").map(String.init)
        #expect(lines.contains("+ aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin '<account-id>.dkr.ecr.eu-west-1.amazonaws.com'"))
        #expect(!lines.contains { $0.contains("sh -c") || $0.contains("\\<") })
        let outputs = try #require(lines.first { $0.hasPrefix("+ aws cloudformation describe-stacks") })
        #expect(outputs.contains(#"--query "Stacks[0].Outputs[?OutputKey=='WebSocketUrl'].OutputValue""#))
        // Each printed command, read back by a shell, is the words the script would have run.
        #expect(try Self.words(of: outputs) == [
            "aws", "cloudformation", "describe-stacks", "--region", "eu-west-1", "--stack-name", "websocket-service",
            "--query", "Stacks[0].Outputs[?OutputKey=='WebSocketUrl'].OutputValue", "--output", "text",
        ])
        let deployLine = try #require(lines.first { $0.hasPrefix("+ aws cloudformation deploy") })
        #expect(try Self.words(of: deployLine).suffix(4) == [
            "--parameter-overrides", "ImageUri=<account-id>.dkr.ecr.eu-west-1.amazonaws.com/websocket-server:1.2.3",
            "RepositoryName=websocket-server", "CloudFrontPrefixListId=<pl-cloudfront-origin-facing>",
        ])
    }

    @Test func destroyPrintsCommandsThatEmptyTheVersionedLogBucket() throws {
        let result = try TestPaths.run("/bin/bash", [TestPaths.path("server/destroy.sh"), "--dry-run", "--region", "eu-west-1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("..."))
        let snippet = result.stdout.split(separator: "\n").drop { !$0.hasPrefix("The access-log bucket") }.dropFirst()
            .map { $0.dropFirst(2) }.joined(separator: "\n")
        #expect(snippet.contains("aws s3api list-object-versions --region eu-west-1 --bucket '<access-log-bucket>' --no-paginate"))
        #expect(snippet.contains("aws s3api delete-objects --region eu-west-1 --bucket '<access-log-bucket>' --delete file://versions.json"))
        #expect(snippet.contains("aws s3api delete-bucket --region eu-west-1 --bucket '<access-log-bucket>'"))

        // Run the printed commands against a stand-in aws that holds 7 versions and delete markers and lists at
        // most 3 at a time: they must delete all of them, in batches, and then the bucket.
        let scratch = try Scratch()
        try scratch.write("objects", (1...7).map { "logs/\($0).gz v\($0)" }.joined(separator: "\n") + "\n")
        let fake = try scratch.write("bin/aws", Self.fakeS3)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake)
        let script = try scratch.write("snippet.sh", "cd \"$1\"\n" + snippet)
        let path = scratch.url("bin").path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let run = try TestPaths.run("/bin/bash", ["-e", script, scratch.root.path], environment: ["PATH": path])
        #expect(run.status == 0, "\(run.stderr)")
        let calls = try String(contentsOf: scratch.url("calls"), encoding: .utf8)
        #expect(calls == "list 3\ndelete 3\nlist 3\ndelete 3\nlist 1\ndelete 1\nlist 0\ndelete-bucket\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.url("versions.json").path))
    }

    /// The words a shell reads from a printed command line (without its leading `+ `).
    static func words(of line: String) throws -> [String] {
        let result = try TestPaths.run("/bin/bash", ["-c", #"eval "set -- $1"; printf '%s\n' "$@""#, "words", String(line.dropFirst(2))])
        return result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// A stand-in for the AWS CLI's s3api calls the snippet makes, over a bucket kept in the file `objects`
    /// (one `key version` per line) in the working directory; each call is logged in `calls`.
    static let fakeS3 = #"""
    #!/bin/bash
    set -euo pipefail
    case "$2" in
      list-object-versions)
        batch="$(head -n 3 objects)"
        echo "list $(printf '%s' "$batch" | grep -c . || true)" >> calls
        printf '{"Objects": ['
        printf '%s\n' "$batch" | awk 'NF { printf "%s{\"Key\": \"%s\", \"VersionId\": \"%s\"}", (n++ ? ", " : ""), $1, $2 }'
        printf ']}\n' ;;
      delete-objects)
        file=""; while [ $# -gt 0 ]; do [ "$1" = --delete ] && file="${2#file://}"; shift; done
        grep -o '"Key": "[^"]*", "VersionId": "[^"]*"' "$file" | sed 's/"Key": "\(.*\)", "VersionId": "\(.*\)"/\1 \2/' > deleted
        echo "delete $(wc -l < deleted)" >> calls
        grep -vxF -f deleted objects > remaining || true
        mv remaining objects ;;
      delete-bucket)
        [ ! -s objects ] || { echo "BucketNotEmpty" >&2; exit 1; }
        echo "delete-bucket" >> calls ;;
      *) echo "unexpected: $*" >&2; exit 1 ;;
    esac
    """#
}
