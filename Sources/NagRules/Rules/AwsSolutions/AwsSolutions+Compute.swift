/// AwsSolutions rules for EC2, ECR, ECS, EKS, Elastic Beanstalk and ELB.
extension AwsSolutionsPack {
    static let compute: [any Rule] = [
        ElasticBeanstalkVPCSpecified(),
        ElasticBeanstalkManagedUpdatesEnabled(),
        ElasticBeanstalkEC2InstanceLogsToS3(),
        EC2RestrictedInbound(),
        EC2EBSVolumeEncrypted(),
        EC2SecurityGroupDescription(),
        EC2InstanceDetailedMonitoringEnabled(),
        EC2InstanceTerminationProtection(),
        ECROpenAccess(),
        ECSTaskDefinitionNoEnvironmentVariables(),
        ECSClusterCloudWatchContainerInsights(),
        ECSTaskDefinitionContainerLogging(),
        EKSClusterNoEndpointPublicAccess(),
        EKSClusterControlPlaneLogs(),
        CLBNoInboundHttpHttps(),
        ELBLoggingEnabled(),
        CLBConnectionDraining(),
        ELBCrossZoneLoadBalancingEnabled(),
        ELBTlsHttpsListenersOnly(),
    ]
}
