/// cdk-nag's HIPAA.Security pack, one line per rule as cdk-nag's `src/packs/hipaa-security.ts` publishes it: the check
/// (published as `HIPAA.Security-<CheckName>`), its level, and the compliance controls it is mapped to, grouped by service as there.
extension RulePack {
    public static let hipaaSecurity = RulePack(
        "HIPAA.Security", summary: "HIPAA Security: the checks AWS Config's operational best practices map to the HIPAA Security Rule, as cdk-nag's HIPAA.Security pack runs them.", [
            // MARK: APIGW
            .error(APIGWCacheEnabledAndEncrypted(), controls: "164.312(a)(2)(iv)", "164.312(e)(2)(ii)"),
            .error(APIGWExecutionLoggingEnabled(), controls: "164.312(b)"),
            .error(APIGWSSLEnabled(), controls: "164.312(a)(2)(iv)", "164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"),
            .error(APIGWXrayEnabled(), controls: "164.312(b)"),
            // MARK: AutoScaling
            .error(AutoScalingGroupELBHealthCheckRequired(), controls: "164.312(b)"),
            .error(AutoScalingLaunchConfigPublicIpDisabled(), controls: "164.308(a)(3)(i)", "164.308(a)(3)(ii)(B)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)", "164.312(e)(1)"),
            // MARK: CloudTrail
            .error(CloudTrailCloudWatchLogsEnabled(), controls: "164.308(a)(3)(ii)(A)", "164.312(b)"),
            .error(CloudTrailEncryptionEnabled(), controls: "164.312(a)(2)(iv)", "164.312(e)(2)(ii)"),
            .error(CloudTrailLogFileValidationEnabled(), controls: "164.312(c)(1)", "164.312(c)(2)"),
            // MARK: CloudWatch
            .error(CloudWatchAlarmAction(), controls: "164.312(b)"),
            .error(CloudWatchLogGroupEncrypted(), controls: "164.312(a)(2)(iv)", "164.312(e)(2)(ii)"),
            .error(CloudWatchLogGroupRetentionPeriod(), controls: "164.312(b)"),
            // MARK: CodeBuild
            .error(CodeBuildProjectEnvVarAwsCred(), controls: "164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)"),
            .error(CodeBuildProjectSourceRepoUrl(), controls: "164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)"),
            // MARK: DMS
            .error(DMSReplicationNotPublic(), controls: "164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)", "164.312(e)(1)"),
            // MARK: DynamoDB
            .error(DynamoDBAutoScalingEnabled(), controls: "164.308(a)(7)(i)", "164.308(a)(7)(ii)(C)"),
            .error(DynamoDBInBackupPlan(), controls: "164.308(a)(7)(i)", "164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)"),
            .error(DynamoDBPITREnabled(), controls: "164.308(a)(7)(i)", "164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)"),
            // MARK: EC2
            .error(EC2EBSInBackupPlan(), controls: "164.308(a)(7)(i)", "164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)"),
            .error(EC2EBSOptimizedInstance(), controls: "164.308(a)(7)(i)"),
            .error(EC2IMDSv2Enabled(), controls: "164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)"),
            .error(EC2InstanceDetailedMonitoringEnabled(), controls: "164.312(b)"),
            .error(EC2InstanceNoPublicIp(), controls: "164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)", "164.312(e)(1)"),
            .error(EC2InstanceProfileAttached(), controls: "164.308(a)(3)(i)", "164.308(a)(3)(ii)(A)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(B)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)"),
            .error(EC2InstancesInVPC(), controls: "164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)", "164.312(e)(1)"),
            .error(EC2RestrictedCommonPorts(), controls: "164.308(a)(3)(i)", "164.308(a)(3)(ii)(B)", "164.308(a)(4)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(B)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)", "164.312(e)(1)"),
            .error(EC2RestrictedSSH(), controls: "164.308(a)(3)(i)", "164.308(a)(3)(ii)(B)", "164.308(a)(4)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(B)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)", "164.312(e)(1"),
            // MARK: ECS
            .error(ECSTaskDefinitionUserForHostMode(), controls: "164.308(a)(3)(i)", "164.308(a)(3)(ii)(A)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)"),
            // MARK: EFS
            .error(EFSInBackupPlan(), controls: "164.308(a)(7)(i)", "164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)"),
            .error(EFSEncrypted(), controls: "164.312(a)(2)(iv)", "164.312(e)(2)(ii)"),
            // MARK: ElastiCache
            .error(ElastiCacheRedisClusterAutomaticBackup(), controls: "164.308(a)(7)(i)", "164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)"),
            // MARK: ElasticBeanstalk
            .error(ElasticBeanstalkEnhancedHealthReportingEnabled(), controls: "164.312(b)"),
            .error(ElasticBeanstalkManagedUpdatesEnabled(), controls: "164.308(a)(5)(ii)(A)"),
            // MARK: ELB
            .error(ALBHttpDropInvalidHeaderEnabled(), controls: "164.312(a)(2)(iv)", "164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"),
            .error(ALBHttpToHttpsRedirection(), controls: "164.312(a)(2)(iv)", "164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"),
            .error(ELBACMCertificateRequired(), controls: "164.312(a)(2)(iv)", "164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"),
            .error(ELBCrossZoneLoadBalancingEnabled(), controls: "164.308(a)(7)(i)", "164.308(a)(7)(ii)(C)"),
            .error(ELBDeletionProtectionEnabled(), controls: "164.308(a)(7)(i)", "164.308(a)(7)(ii)(C)"),
            .error(ELBLoggingEnabled(), controls: "164.312(b)"),
            .error(ELBTlsHttpsListenersOnly(), controls: "164.312(a)(2)(iv)", "164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"),
            .error(ELBv2ACMCertificateRequired(), controls: "164.312(a)(2)(iv)", "164.312(e)(2)(ii)"),
            // MARK: EMR
            .error(EMRKerberosEnabled(), controls: "164.308(a)(3)(i)", "164.308(a)(3)(ii)(A)", "164.308(a)(3)(ii)(B)", "164.308(a)(4)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(B)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)"),
            // MARK: IAM
            .error(IAMGroupHasUsers(), controls: "164.308(a)(3)(i)", "164.308(a)(3)(ii)(A)", "164.308(a)(3)(ii)(B)", "164.308(a)(4)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(B)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)"),
            .error(IAMNoInlinePolicy(), controls: "164.308(a)(3)(i)", "164.308(a)(3)(ii)(A)", "164.308(a)(3)(ii)(B)", "164.308(a)(4)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(B)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)"),
            .error(IAMPolicyNoStatementsWithAdminAccess(), controls: "164.308(a)(3)(i)", "164.308(a)(3)(ii)(A)", "164.308(a)(3)(ii)(B)", "164.308(a)(4)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(B)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)"),
            .error(IAMPolicyNoStatementsWithFullAccess(), controls: "164.308(a)(3)(i)", "164.308(a)(3)(ii)(A)", "164.308(a)(3)(ii)(B)", "164.308(a)(4)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(B)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)"),
            .error(IAMUserGroupMembership(), controls: "164.308(a)(3)(i)", "164.308(a)(3)(ii)(A)", "164.308(a)(3)(ii)(B)", "164.308(a)(4)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(B)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)"),
            .error(IAMUserNoPolicies(), controls: "164.308(a)(3)(i)", "164.308(a)(3)(ii)(A)", "164.308(a)(3)(ii)(B)", "164.308(a)(4)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(B)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)"),
            // MARK: Lambda
            .error(LambdaConcurrency(), controls: "164.312(b)"),
            .error(LambdaDLQ(), controls: "164.312(b)"),
            .error(LambdaFunctionPublicAccessProhibited(), controls: "164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)", "164.312(e)(1)"),
            .error(LambdaInsideVPC(), controls: "164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)", "164.312(e)(1)"),
            // MARK: OpenSearch
            .error(OpenSearchEncryptedAtRest(), controls: "164.312(a)(2)(iv)", "164.312(e)(2)(ii)"),
            .error(OpenSearchInVPCOnly(), controls: "164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)", "164.312(e)(1)"),
            .error(OpenSearchErrorLogsToCloudWatch(), controls: "164.308(a)(3)(ii)(A)", "164.312(b)"),
            .error(OpenSearchNodeToNodeEncryption(), controls: "164.312(a)(2)(iv)", "164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"),
            // MARK: RDS
            .error(RDSAutomaticMinorVersionUpgradeEnabled(), controls: "164.308(a)(5)(ii)(A)"),
            .error(RDSEnhancedMonitoringEnabled(), controls: "164.312(b)"),
            .error(RDSInBackupPlan(), controls: "164.308(a)(7)(i)", "164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)"),
            .error(RDSInstanceBackupEnabled(), controls: "164.308(a)(7)(i)", "164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)"),
            .error(RDSInstanceDeletionProtectionEnabled(), controls: "164.308(a)(7)(i)", "164.308(a)(7)(ii)(C)"),
            .error(RDSMultiAZSupport(), controls: "164.308(a)(7)(i)", "164.308(a)(7)(ii)(C)"),
            .error(RDSInstancePublicAccess(), controls: "164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)", "164.312(e)(1)"),
            .error(RDSLoggingEnabled(), controls: "164.308(a)(3)(ii)(A)", "164.308(a)(5)(ii)(C)"),
            .error(RDSStorageEncrypted(), controls: "164.312(a)(2)(iv)", "164.312(e)(2)(ii)"),
            // MARK: Redshift
            .error(RedshiftBackupEnabled(), controls: "164.308(a)(7)(i)", "164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)"),
            .error(RedshiftClusterConfiguration(), controls: "164.312(a)(2)(iv)", "164.312(b)", "164.312(e)(2)(ii)"),
            .error(RedshiftClusterMaintenanceSettings(), controls: "164.308(a)(5)(ii)(A)", "164.308(a)(7)(ii)(A)"),
            .error(RedshiftClusterPublicAccess(), controls: "164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)", "164.312(e)(1)"),
            .error(RedshiftEnhancedVPCRoutingEnabled(), controls: "164.312(e)(1)"),
            .error(RedshiftRequireTlsSSL(), controls: "164.312(a)(2)(iv)", "164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"),
            // MARK: S3
            .error(S3BucketLevelPublicAccessProhibited(), controls: "164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)", "164.312(e)(1)"),
            .error(S3BucketLoggingEnabled(), controls: "164.308(a)(3)(ii)(A)", "164.312(b)"),
            .error(S3BucketPublicReadProhibited(), controls: "164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)", "164.312(e)(1)"),
            .error(S3BucketPublicWriteProhibited(), controls: "164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)", "164.312(e)(1)"),
            .error(S3BucketReplicationEnabled(), controls: "164.308(a)(7)(i)", "164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)"),
            .error(S3BucketSSLRequestsOnly(), controls: "164.312(a)(2)(iv)", "164.312(c)(2)", "164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"),
            .error(S3BucketVersioningEnabled(), controls: "164.308(a)(7)(i)", "164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)", "164.312(c)(1)", "164.312(c)(2)"),
            .error(S3DefaultEncryptionKMS(), controls: "164.312(a)(2)(iv)", "164.312(e)(2)(ii)"),
            // MARK: SageMaker
            .error(SageMakerEndpointConfigurationKMSKeyConfigured(), controls: "164.312(a)(2)(iv)", "164.312(e)(2)(ii)"),
            .error(SageMakerNotebookInstanceKMSKeyConfigured(), controls: "164.312(a)(2)(iv)", "164.312(e)(2)(ii)"),
            .error(SageMakerNotebookNoDirectInternetAccess(), controls: "164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)", "164.312(e)(1)"),
            // MARK: SecretsManager
            .error(SecretsManagerRotationEnabled(), controls: "164.308(a)(4)(ii)(B)"),
            .error(SecretsManagerUsingKMSKey(), controls: "164.312(a)(2)(iv)", "164.312(e)(2)(ii)"),
            // MARK: SNS
            .error(SNSEncryptedKMS(), controls: "164.312(a)(2)(iv)", "164.312(e)(2)(ii)"),
            // MARK: VPC
            .warning(VPCDefaultSecurityGroupClosed(), controls: "164.312(e)(1)"),
            .error(VPCFlowLogsEnabled(), controls: "164.308(a)(3)(ii)(A)", "164.312(b)"),
            .error(VPCNoUnrestrictedRouteToIGW(), controls: "164.312(e)(1)"),
            .error(VPCSubnetAutoAssignPublicIpDisabled(), controls: "164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)", "164.312(e)(1)"),
            // MARK: WAF
            .error(WAFv2LoggingEnabled(), controls: "164.312(b)"),
        ])
}
