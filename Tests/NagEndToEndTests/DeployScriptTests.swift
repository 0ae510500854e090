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
        #expect(commands.contains("docker buildx build --platform linux/arm64 --tag \\<account-id\\>.dkr.ecr.eu-west-1.amazonaws.com/websocket-server:1.2.3 --push"))
        #expect(commands.contains("com.amazonaws.global.cloudfront.origin-facing"))
        #expect(commands.contains("aws cloudformation deploy --region eu-west-1 --stack-name websocket-service"))
        #expect(commands.contains("CloudFrontPrefixListId=\\<pl-cloudfront-origin-facing\\>"))
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
}
