/// cdk-nag's NIST.800.53.R4 pack, one line per rule as cdk-nag's `src/packs/nist-800-53-r4.ts` publishes it: the check
/// (published as `NIST.800.53.R4-<CheckName>`), its level, and the compliance controls it is mapped to, grouped by service as there.
extension RulePack {
    public static let nist80053R4 = RulePack(
        "NIST.800.53.R4", summary: "NIST 800-53 rev 4: the checks AWS Config's operational best practices map to NIST SP 800-53 revision 4 controls, as cdk-nag's NIST.800.53.R4 pack runs them.", [
            // MARK: APIGW
            .error(APIGWCacheEnabledAndEncrypted(), controls: "SC-13", "SC-28"),
            .error(APIGWExecutionLoggingEnabled(), controls: "AU-2(a)(d)", "AU-3", "AU-12(a)(c)"),
            // MARK: AutoScaling
            .error(AutoScalingGroupELBHealthCheckRequired(), controls: "SC-5"),
            // MARK: CloudTrail
            .error(CloudTrailCloudWatchLogsEnabled(), controls: "AC-2(4)", "AC-2(g)", "AU-2(a)(d)", "AU-3", "AU-6(1)(3)", "AU-7(1)", "AU-12(a)(c)", "CA-7(a)(b)", "SI-4(2)", "SI-4(4)", "SI-4(5)", "SI-4(a)(b)(c)"),
            .error(CloudTrailEncryptionEnabled(), controls: "AU-9"),
            .error(CloudTrailLogFileValidationEnabled(), controls: "AC-6"),
            // MARK: CloudWatch
            .error(CloudWatchAlarmAction(), controls: "AC-2(4)", "AU-6(1)(3)", "AU-7(1)", "CA-7(a)(b)", "IR-4(1)", "SI-4(2)", "SI-4(4)", "SI-4(5)", "SI-4(a)(b)(c)"),
            .error(CloudWatchLogGroupEncrypted(), controls: "AU-9", "SC-13", "SC-28"),
            .error(CloudWatchLogGroupRetentionPeriod(), controls: "AU-11", "SI-12"),
            // MARK: CodeBuild
            .error(CodeBuildProjectEnvVarAwsCred(), controls: "AC-6", "IA-5(7)", "SA-3(a)"),
            .error(CodeBuildProjectSourceRepoUrl(), controls: "SA-3(a)"),
            // MARK: DMS
            .error(DMSReplicationNotPublic(), controls: "AC-3"),
            // MARK: DynamoDB
            .error(DynamoDBAutoScalingEnabled(), controls: "CP-10", "SC-5"),
            .error(DynamoDBInBackupPlan(), controls: "CP-9(b)", "CP-10", "SI-12"),
            .error(DynamoDBPITREnabled(), controls: "CP-9(b)", "CP-10", "SI-12"),
            // MARK: EC2
            .error(EC2EBSInBackupPlan(), controls: "CP-9(b)", "CP-10", "SI-12"),
            .error(EC2IMDSv2Enabled(), controls: "AC-6"),
            .error(EC2InstanceDetailedMonitoringEnabled(), controls: "CA-7(a)(b)", "SI-4(2)", "SI-4(a)(b)(c)"),
            .error(EC2InstancesInVPC(), controls: "AC-4", "SC-7", "SC-7(3)"),
            .error(EC2InstanceNoPublicIp(), controls: "AC-4", "AC-6", "AC-21(b)", "SC-7", "SC-7(3)"),
            .error(EC2RestrictedCommonPorts(), controls: "AC-4", "CM-2", "SC-7", "SC-7(3)"),
            .error(EC2RestrictedSSH(), controls: "AC-4", "SC-7", "SC-7(3)"),
            // MARK: EFS
            .error(EFSInBackupPlan(), controls: "CP-9(b)", "CP-10", "SI-12"),
            .error(EFSEncrypted(), controls: "SC-13", "SC-28"),
            // MARK: ElastiCache
            .error(ElastiCacheRedisClusterAutomaticBackup(), controls: "CP-9(b)", "CP-10", "SI-12"),
            // MARK: ELB
            .error(ALBHttpDropInvalidHeaderEnabled(), controls: "AC-17(2)"),
            .error(ALBHttpToHttpsRedirection(), controls: "AC-17(2)", "SC-7", "SC-8", "SC-8(1)", "SC-13", "SC-23"),
            .error(ALBWAFEnabled(), controls: "SC-7", "SI-4(a)(b)(c)"),
            .error(ELBACMCertificateRequired(), controls: "AC-17(2)", "SC-7", "SC-8", "SC-8(1)", "SC-13"),
            .error(ELBCrossZoneLoadBalancingEnabled(), controls: "SC-5", "CP-10"),
            .error(ELBDeletionProtectionEnabled(), controls: "CM-2", "CP-10"),
            .error(ELBLoggingEnabled(), controls: "AU-2(a)(d)"),
            .error(ELBTlsHttpsListenersOnly(), controls: "AC-17(2)", "SC-7", "SC-8", "SC-8(1)", "SC-23"),
            // MARK: EMR
            .error(EMRKerberosEnabled(), controls: "AC-2(j)", "AC-3", "AC-5c", "AC-6"),
            // MARK: IAM
            .error(IAMGroupHasUsers(), controls: "AC-2(j)"),
            .error(IAMNoInlinePolicy(), controls: "AC-6"),
            .error(IAMPolicyNoStatementsWithAdminAccess(), controls: "AC-2(1)", "AC-2(j)", "AC-3", "AC-6"),
            .error(IAMUserGroupMembership(), controls: "AC-2(1)", "AC-2(j)", "AC-3", "AC-6"),
            .error(IAMUserNoPolicies(), controls: "AC-2(j)", "AC-3", "AC-5c", "AC-6"),
            // MARK: KMS
            .error(KMSBackingKeyRotationEnabled(), controls: "SC-12"),
            // MARK: Lambda
            .error(LambdaInsideVPC(), controls: "AC-4", "SC-7", "SC-7(3)"),
            .error(LambdaFunctionPublicAccessProhibited(), controls: "AC-3", "AC-4", "AC-6", "AC-21(b)", "SC-7", "SC-7(3)"),
            // MARK: OpenSearch
            .error(OpenSearchEncryptedAtRest(), controls: "SC-13", "SC-28"),
            .error(OpenSearchInVPCOnly(), controls: "AC-4", "SC-7", "SC-7(3)"),
            .error(OpenSearchNodeToNodeEncryption(), controls: "SC-7", "SC-8", "SC-8(1)"),
            // MARK: RDS
            .error(RDSEnhancedMonitoringEnabled(), controls: "CA-7(a)(b)"),
            .error(RDSInBackupPlan(), controls: "CP-9(b)", "CP-10", "SI-12"),
            .error(RDSInstanceBackupEnabled(), controls: "CP-9(b)", "CP-10", "SI-12"),
            .error(RDSInstanceDeletionProtectionEnabled(), controls: "SC-5"),
            .error(RDSInstancePublicAccess(), controls: "AC-4", "AC-6", "AC-21(b)", "SC-7", "SC-7(3)"),
            .error(RDSLoggingEnabled(), controls: "AC-2(4)", "AC-2(g)", "AU-2(a)(d)", "AU-3", "AU-12(a)(c)"),
            .error(RDSMultiAZSupport(), controls: "CP-10", "SC-5", "SC-36"),
            .error(RDSStorageEncrypted(), controls: "SC-13", "SC-28"),
            // MARK: Redshift
            .error(RedshiftClusterConfiguration(), controls: "AC-2(4)", "AC-2(g)", "AU-2(a)(d)", "AU-3", "AU-12(a)(c)", "SC-13"),
            .error(RedshiftClusterPublicAccess(), controls: "AC-3", "AC-4", "AC-6", "AC-21(b)", "SC-7", "SC-7(3)"),
            .error(RedshiftRequireTlsSSL(), controls: "AC-17(2)", "SC-7", "SC-8", "SC-8(1)", "SC-13"),
            // MARK: S3
            .error(S3BucketDefaultLockEnabled(), controls: "SC-28"),
            .error(S3BucketLoggingEnabled(), controls: "AC-2(g)", "AU-2(a)(d)", "AU-3", "AU-12(a)(c)"),
            .error(S3BucketPublicReadProhibited(), controls: "AC-3", "AC-4", "AC-6", "AC-21(b)", "SC-7", "SC-7(3)"),
            .error(S3BucketPublicWriteProhibited(), controls: "AC-3", "AC-4", "AC-6", "AC-21(b)", "SC-7", "SC-7(3)"),
            .error(S3BucketReplicationEnabled(), controls: "AU-9(2)", "CP-9(b)", "CP-10", "SC-5", "SC-36"),
            .error(S3BucketSSLRequestsOnly(), controls: "AC-17(2)", "SC-7", "SC-8", "SC-8(1)", "SC-13"),
            .error(S3BucketVersioningEnabled(), controls: "CP-10", "SI-12"),
            // MARK: SageMaker
            .error(SageMakerEndpointConfigurationKMSKeyConfigured(), controls: "SC-13", "SC-28"),
            .error(SageMakerNotebookInstanceKMSKeyConfigured(), controls: "SC-13", "SC-28"),
            .error(SageMakerNotebookNoDirectInternetAccess(), controls: "AC-3", "AC-4", "AC-6", "AC-21(b)", "SC-7", "SC-7(3)"),
            // MARK: SNS
            .error(SNSEncryptedKMS(), controls: "SC-13", "SC-28"),
            // MARK: VPC
            .warning(VPCDefaultSecurityGroupClosed(), controls: "AC-4", "SC-7", "SC-7(3)"),
            .error(VPCFlowLogsEnabled(), controls: "AU-2(a)(d)", "AU-3", "AU-12(a)(c)"),
            // MARK: WAF
            .error(WAFv2LoggingEnabled(), controls: "AU-2(a)(d)", "AU-3", "AU-12(a)(c)", "SC-7", "SI-4(a)(b)(c)"),
        ])
}
