/// A function's `DeploymentPreference` (with `AutoPublishAlias`): a CodeDeploy deployment group
/// `<Function>DeploymentGroup` that shifts the alias's traffic, and, once per template, the application
/// `ServerlessDeploymentApplication` and (unless every preference names its `Role`) the service role
/// `CodeDeployServiceRole` holding `AWSCodeDeployRoleForLambda`.
enum SAMDeploymentPreference {
    static func expand(_ source: SAMSource, into context: inout SAMContext) {
        guard let preference = source["DeploymentPreference"], source["AutoPublishAlias"] != nil,
              preference["Enabled"]?.boolValue != false else { return }
        let at = preference.position
        if context.codeDeployOwner == nil { context.codeDeployOwner = source }
        if preference["Role"] == nil { context.codeDeployNeedsRole = true }
        var group = ValueMap()
        group.put("ApplicationName", .ref("ServerlessDeploymentApplication", at: at))
        group.put("AutoRollbackConfiguration", .fields([
            ("Enabled", .flag(true, at: at)),
            ("Events", .items(["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM", "DEPLOYMENT_STOP_ON_REQUEST"].map { .text($0, at: at) }, at: at)),
        ], at: at))
        if let alarms = preference["Alarms"] {
            group.put("AlarmConfiguration", .fields([("Alarms", alarms), ("Enabled", .flag(true, at: alarms.position))], at: alarms.position))
        }
        if let type = preference["Type"] {
            group.put("DeploymentConfigName", .sub("CodeDeployDefault.Lambda${ConfigName}", [("ConfigName", type)], at: type.position))
        }
        group.put("DeploymentStyle", .fields([("DeploymentType", .text("BLUE_GREEN", at: at)),
                                              ("DeploymentOption", .text("WITH_TRAFFIC_CONTROL", at: at))], at: at))
        group.put("ServiceRoleArn", preference["Role"] ?? .getAtt("CodeDeployServiceRole", "Arn", at: at))
        group.put("TriggerConfigurations", preference["TriggerConfigurations"])
        context.add(source.logicalId + "DeploymentGroup", type: "AWS::CodeDeploy::DeploymentGroup", properties: group, from: source)
    }

    /// The application and service role the template's deployment groups share.
    static func finish(into context: inout SAMContext) {
        guard let owner = context.codeDeployOwner else { return }
        let at = owner["DeploymentPreference"]?.position ?? owner.position
        context.add("ServerlessDeploymentApplication", type: "AWS::CodeDeploy::Application",
                    properties: ValueMap([SAMFunctionVersions.entry("ComputePlatform", .text("Lambda", at: at))]), from: owner)
        guard context.codeDeployNeedsRole else { return }
        var role = ValueMap()
        role.put("AssumeRolePolicyDocument", SAMFunctionRole.trustPolicy(service: "codedeploy.amazonaws.com", at: at))
        role.put("ManagedPolicyArns", .items([.text("arn:aws:iam::aws:policy/service-role/AWSCodeDeployRoleForLambda", at: at)], at: at))
        context.add("CodeDeployServiceRole", type: "AWS::IAM::Role", properties: role, from: owner)
    }
}
