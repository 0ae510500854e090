/// cdk-nag's PCI.DSS.321 pack, one line per rule as cdk-nag's `src/packs/pci-dss-321.ts` publishes it: the check
/// (published as `PCI.DSS.321-<CheckName>`), its level, and the compliance controls it is mapped to, grouped by service as there.
extension RulePack {
    public static let pciDss321 = RulePack(
        "PCI.DSS.321", summary: "PCI DSS 3.2.1: the checks AWS Config's operational best practices map to PCI DSS 3.2.1 requirements, as cdk-nag's PCI.DSS.321 pack runs them.", [
            // MARK: APIGW
            .error(APIGWAssociatedWithWAF(), controls: "6.6"),
            .error(APIGWCacheEnabledAndEncrypted(), controls: "3.4"),
            .error(APIGWExecutionLoggingEnabled(), controls: "10.1", "10.3.1", "10.3.2", "10.3.3", "10.3.4", "10.3.5", "10.3.6", "10.5.4"),
            .error(APIGWSSLEnabled(), controls: "2.3", "4.1", "8.2.1"),
            // MARK: AutoScaling
            .error(AutoScalingGroupELBHealthCheckRequired(), controls: "2.2"),
            .error(AutoScalingLaunchConfigPublicIpDisabled(), controls: "1.2", "1.2.1", "1.3", "1.3.1", "1.3.2", "1.3.4", "1.3.6", "2.2.2"),
            // MARK: CloudTrail
            .error(CloudTrailCloudWatchLogsEnabled(), controls: "2.2", "10.1", "10.2.1", "10.2.2", "10.2.3", "10.2.5", "10.3.1", "10.3.2", "10.3.3", "10.3.4", "10.3.5", "10.3.6", "10.5.3", "10.5.4"),
            .error(CloudTrailEncryptionEnabled(), controls: "2.2", "3.4", "10.5"),
            .error(CloudTrailLogFileValidationEnabled(), controls: "2.2", "10.5.2", "10.5", "10.5.5", "11.5"),
            // MARK: CloudWatch
            .error(CloudWatchLogGroupEncrypted(), controls: "3.4"),
            .error(CloudWatchLogGroupRetentionPeriod(), controls: "3.1", "10.7"),
            // MARK: CodeBuild
            .error(CodeBuildProjectEnvVarAwsCred(), controls: "8.2.1"),
            .error(CodeBuildProjectSourceRepoUrl(), controls: "8.2.1"),
            // MARK: DMS
            .error(DMSReplicationNotPublic(), controls: "1.2", "1.2.1", "1.3", "1.3.1", "1.3.2", "1.3.4", "1.3.6", "2.2.2"),
            // MARK: EC2
            .error(EC2InstanceNoPublicIp(), controls: "1.2", "1.2.1", "1.3", "1.3.1", "1.3.2", "1.3.4", "1.3.6", "2.2.2"),
            .error(EC2InstanceProfileAttached(), controls: "2.2", "7.1.1", "7.2.1"),
            .error(EC2InstancesInVPC(), controls: "1.2", "1.2.1", "1.3", "1.3.1", "1.3.2", "1.3.4", "1.3.6", "2.2.2"),
            .error(EC2RestrictedCommonPorts(), controls: "1.2", "1.2.1", "1.3", "1.3.1", "1.3.2", "2.2", "2.2.2"),
            .error(EC2RestrictedSSH(), controls: "1.2", "1.2.1", "1.3", "1.3.1", "1.3.2", "2.2", "2.2.2"),
            // MARK: ECS
            .error(ECSTaskDefinitionUserForHostMode(), controls: "7.2.1"),
            // MARK: EFS
            .error(EFSEncrypted(), controls: "3.4", "8.2.1"),
            // MARK: ELB
            .error(ALBHttpDropInvalidHeaderEnabled(), controls: "4.1", "8.2.1"),
            .error(ALBHttpToHttpsRedirection(), controls: "2.3", "4.1", "8.2.1"),
            .error(ALBWAFEnabled(), controls: "6.6"),
            .error(ELBACMCertificateRequired(), controls: "4.1", "8.2.1"),
            .error(ELBLoggingEnabled(), controls: "10.1", "10.3.1", "10.3.2", "10.3.3", "10.3.4", "10.3.5", "10.3.6", "10.5.4"),
            .error(ELBTlsHttpsListenersOnly(), controls: "2.3", "4.1", "8.2.1"),
            .error(ELBv2ACMCertificateRequired(), controls: "4.1"),
            // MARK: EMR
            .error(EMRKerberosEnabled(), controls: "7.2.1"),
            // MARK: IAM
            .error(IAMGroupHasUsers(), controls: "7.1.2", "7.1.3", "7.2.1", "7.2.2"),
            .error(IAMNoInlinePolicy(), controls: "2.2", "7.1.2", "7.1.3", "7.2.1", "7.2.2"),
            .error(IAMPolicyNoStatementsWithAdminAccess(), controls: "2.2", "7.1.2", "7.1.3", "7.2.1", "7.2.2"),
            .error(IAMPolicyNoStatementsWithFullAccess(), controls: "7.1.2", "7.1.3", "7.2.1", "7.2.2"),
            .error(IAMUserGroupMembership(), controls: "2.2", "7.1.2", "7.1.3", "7.2.1", "7.2.2"),
            .error(IAMUserNoPolicies(), controls: "2.2", "7.1.2", "7.1.3", "7.2.1", "7.2.2"),
            // MARK: KMS
            .error(KMSBackingKeyRotationEnabled(), controls: "2.2", "3.5", "3.6", "3.6.4"),
            // MARK: Lambda
            .error(LambdaFunctionPublicAccessProhibited(), controls: "1.2", "1.2.1", "1.3", "1.3.1", "1.3.2", "1.3.4", "2.2.2"),
            .error(LambdaInsideVPC(), controls: "1.2", "1.2.1", "1.3", "1.3.1", "1.3.2", "1.3.4", "2.2.2"),
            // MARK: OpenSearch
            .error(OpenSearchEncryptedAtRest(), controls: "3.4", "8.2.1"),
            .error(OpenSearchInVPCOnly(), controls: "1.2", "1.2.1", "1.3", "1.3.1", "1.3.2", "1.3.4", "1.3.6", "2.2.2"),
            .error(OpenSearchErrorLogsToCloudWatch(), controls: "10.1", "10.2.1", "10.2.2", "10.2.3", "10.2.4", "10.2.5", "10.3.1", "10.3.2", "10.3.3", "10.3.4", "10.3.5", "10.3.6"),
            .error(OpenSearchNodeToNodeEncryption(), controls: "4.1"),
            // MARK: RDS
            .error(RDSAutomaticMinorVersionUpgradeEnabled(), controls: "6.2"),
            .error(RDSInstancePublicAccess(), controls: "1.2", "1.2.1", "1.3", "1.3.1", "1.3.2", "1.3.4", "1.3.6", "2.2.2"),
            .error(RDSLoggingEnabled(), controls: "10.1", "10.2.1", "10.2.2", "10.2.3", "10.2.4", "10.2.5", "10.3.1", "10.3.2", "10.3.3", "10.3.4", "10.3.5", "10.3.6"),
            .error(RDSStorageEncrypted(), controls: "3.4", "8.2.1"),
            // MARK: Redshift
            .error(RedshiftClusterConfiguration(), controls: "3.4", "8.2.1", "10.1", "10.2.1", "10.2.2", "10.2.3", "10.2.4", "10.2.5", "10.3.1", "10.3.2", "10.3.3", "10.3.4", "10.3.5", "10.3.6"),
            .error(RedshiftClusterMaintenanceSettings(), controls: "6.2"),
            .error(RedshiftClusterPublicAccess(), controls: "1.2", "1.2.1", "1.3", "1.3.1", "1.3.2", "1.3.4", "1.3.6", "2.2.2"),
            .error(RedshiftEnhancedVPCRoutingEnabled(), controls: "1.2", "1.3", "1.3.1", "1.3.2"),
            .error(RedshiftRequireTlsSSL(), controls: "2.3", "4.1"),
            // MARK: S3
            .error(S3BucketLevelPublicAccessProhibited(), controls: "1.2", "1.2.1", "1.3", "1.3.1", "1.3.2", "1.3.4", "1.3.6", "2.2.2"),
            .error(S3BucketLoggingEnabled(), controls: "2.2", "10.1", "10.2.1", "10.2.2", "10.2.3", "10.2.4", "10.2.5", "10.2.7", "10.3.1", "10.3.2", "10.3.3", "10.3.4", "10.3.5", "10.3.6"),
            .error(S3BucketPublicReadProhibited(), controls: "1.2", "1.2.1", "1.3", "1.3.1", "1.3.2", "1.3.4", "1.3.6", "2.2", "2.2.2"),
            .error(S3BucketPublicWriteProhibited(), controls: "1.2", "1.2.1", "1.3", "1.3.1", "1.3.2", "1.3.4", "1.3.6", "2.2", "2.2.2"),
            .error(S3BucketReplicationEnabled(), controls: "2.2", "10.5.3"),
            .error(S3BucketSSLRequestsOnly(), controls: "2.2", "4.1", "8.2.1"),
            .error(S3BucketVersioningEnabled(), controls: "10.5.3"),
            .error(S3DefaultEncryptionKMS(), controls: "3.4", "8.2.1", "10.5"),
            // MARK: SageMaker
            .error(SageMakerEndpointConfigurationKMSKeyConfigured(), controls: "3.4", "8.2.1"),
            .error(SageMakerNotebookInstanceKMSKeyConfigured(), controls: "3.4", "8.2.1"),
            .error(SageMakerNotebookNoDirectInternetAccess(), controls: "1.2", "1.2.1", "1.3", "1.3.1", "1.3.2", "1.3.4", "1.3.6", "2.2.2"),
            // MARK: SecretsManager
            .error(SecretsManagerUsingKMSKey(), controls: "3.4", "8.2.1"),
            // MARK: SNS
            .error(SNSEncryptedKMS(), controls: "8.2.1"),
            // MARK: VPC
            .warning(VPCDefaultSecurityGroupClosed(), controls: "1.2", "1.2.1", "1.3", "1.3.1", "1.3.2", "2.1", "2.2", "2.2.2"),
            .error(VPCFlowLogsEnabled(), controls: "2.2", "10.1", "10.3.2", "10.3.3", "10.3.4", "10.3.5", "10.3.6"),
            .error(VPCNoUnrestrictedRouteToIGW(), controls: "1.2", "1.2.1", "1.3", "1.3.1", "1.3.2", "2.2.2"),
            .error(VPCSubnetAutoAssignPublicIpDisabled(), controls: "1.2", "1.2.1", "1.3", "1.3.1", "1.3.2", "1.3.4", "1.3.6", "2.2.2"),
            // MARK: WAF
            .error(WAFv2LoggingEnabled(), controls: "10.1", "10.3.1", "10.3.2", "10.3.3", "10.3.4", "10.3.5", "10.3.6", "10.5.4"),
        ])
}
