"""The CDK app behind Tests/Fixtures/cdk-out: regenerate with `CDK_OUTDIR=.. ORACLE/bin/python app.py` from this folder.

- Service: a bucket, a VPC, an SSM parameter and a Lambda function whose code is the `handler` folder (copied by
  CDK into an asset folder holding a tsconfig.json with comments, a two-document Kubernetes manifest and a SAM
  template kept for local testing); a nested stack Network that receives a literal CIDR, the VPC's block, the SSM
  value and the bucket ARN, and nests Rules in turn, which receives values through two levels of parameters.
- Prod (a Stage, so its own cloud assembly): Producer exports its bucket's ARN; Consumer imports it.
- Suppressions as cdk-nag 2 writes them (`add_resource_suppressions` below copies its NagSuppressions), some with
  applyToChildren and a rule of another tool; acknowledgements as cdk-nag 3 writes them, through its aspect.
"""
import base64, json
import aws_cdk as cdk
from aws_cdk import (aws_s3 as s3, aws_lambda as lambda_, aws_iam as iam, aws_ec2 as ec2,
                     aws_ssm as ssm, aws_sqs as sqs)
from constructs import Construct
import cdk_nag


def _cfn_format(s):
    # cdk-nag 2's NagSuppressionHelper.toCfnFormat: reason first, then id, then applies_to
    out = {}
    reason = s["reason"]
    if any(ord(c) > 255 for c in reason):
        out["reason"] = base64.b64encode(reason.encode()).decode()
    else:
        out["reason"] = reason
    out["id"] = s["id"]
    if "applies_to" in s:
        out["applies_to"] = s["applies_to"]
    if any(ord(c) > 255 for c in reason):
        out["is_reason_encoded"] = True
    return out


def add_resource_suppressions(construct, suppressions, apply_to_children=False):
    """cdk-nag 2's NagSuppressions.addResourceSuppressions."""
    constructs = construct.node.find_all() if apply_to_children else [construct]
    for child in constructs:
        l1 = child.node.default_child or child
        if isinstance(l1, cdk.CfnResource):
            current = l1.get_metadata("cdk_nag") or {}
            rules = [json.dumps(r) for r in current.get("rules_to_suppress", [])]
            rules += [json.dumps(_cfn_format(s)) for s in suppressions]
            seen, unique = set(), []
            for r in rules:
                if r not in seen:
                    seen.add(r); unique.append(r)
            l1.add_metadata("cdk_nag", {"rules_to_suppress": [json.loads(r) for r in unique]})


class Rules(cdk.NestedStack):
    """Nested in Network: values reach it through two levels of parameters."""
    def __init__(self, scope, id, *, bucket, vpc_id, open_cidr, **kw):
        super().__init__(scope, id, **kw)
        ec2.CfnSecurityGroup(self, "Edge", group_description="Ingress from the CIDR the grandparent passes",
                             vpc_id=vpc_id,
                             security_group_ingress=[ec2.CfnSecurityGroup.IngressProperty(
                                 ip_protocol="tcp", from_port=22, to_port=22, cidr_ip=open_cidr)])
        writer = iam.Role(self, "Writer", assumed_by=iam.ServicePrincipal("ec2.amazonaws.com"))
        writer.add_to_policy(iam.PolicyStatement(actions=["s3:PutObject"], resources=[bucket.arn_for_objects("*")]))
        add_resource_suppressions(writer, [{
            "id": "AwsSolutions-IAM5", "reason": "The writer may put any object into the shared bucket.",
            "applies_to": ["Resource::<SharedDACC02AA.Arn>/*"]}], apply_to_children=True)


class Network(cdk.NestedStack):
    """A nested stack: the parent passes a literal CIDR, its VPC's block, a bucket ARN and an SSM value."""
    def __init__(self, scope, id, *, bucket, vpc, cidr_param, **kw):
        super().__init__(scope, id, **kw)
        open_cidr = cdk.CfnParameter(self, "OpenCidr", type="String")
        sg = ec2.CfnSecurityGroup(self, "Open", group_description="Ingress from the CIDR the parent passes",
                                  vpc_id=vpc.vpc_id,
                                  security_group_ingress=[ec2.CfnSecurityGroup.IngressProperty(
                                      ip_protocol="tcp", from_port=443, to_port=443, cidr_ip=open_cidr.value_as_string)])
        ec2.CfnSecurityGroup(self, "Internal", group_description="Ingress from the parent VPC",
                             vpc_id=vpc.vpc_id,
                             security_group_ingress=[ec2.CfnSecurityGroup.IngressProperty(
                                 ip_protocol="tcp", from_port=443, to_port=443, cidr_ip=vpc.vpc_cidr_block)])
        ec2.CfnSecurityGroup(self, "Managed", group_description="Ingress from a CIDR kept in SSM",
                             vpc_id=vpc.vpc_id,
                             security_group_ingress=[ec2.CfnSecurityGroup.IngressProperty(
                                 ip_protocol="tcp", from_port=443, to_port=443, cidr_ip=cidr_param.string_value)])
        reader = iam.Role(self, "Reader", assumed_by=iam.ServicePrincipal("ec2.amazonaws.com"))
        reader.add_to_policy(iam.PolicyStatement(actions=["s3:GetObject"], resources=[bucket.arn_for_objects("*")]))
        # Copied from cdk-nag 2's report, which names the parent's bucket, not nag's parameter.
        add_resource_suppressions(reader, [{
            "id": "AwsSolutions-IAM5", "reason": "The reader gets every object of the shared bucket.",
            "applies_to": ["Resource::<SharedDACC02AA.Arn>/*"]}], apply_to_children=True)
        Rules(self, "Rules", bucket=bucket, vpc_id=vpc.vpc_id, open_cidr=open_cidr.value_as_string)


class Service(cdk.Stack):
    def __init__(self, scope, id, **kw):
        super().__init__(scope, id, **kw)
        bucket = s3.Bucket(self, "Shared", enforce_ssl=True, encryption=s3.BucketEncryption.S3_MANAGED,
                           block_public_access=s3.BlockPublicAccess.BLOCK_ALL)
        add_resource_suppressions(bucket, [{"id": "AwsSolutions-S1", "reason": "Access logs go to the organisation trail."}])
        vpc = ec2.CfnVPC(self, "Vpc", cidr_block="10.0.0.0/16")
        cidr = ssm.StringParameter(self, "CidrParam", string_value="192.168.0.0/24")
        vpc_ref = type("V", (), {"vpc_id": vpc.ref, "vpc_cidr_block": vpc.attr_cidr_block})
        network = Network(self, "Network", bucket=bucket, vpc=vpc_ref, cidr_param=cidr)
        cfn_network = network.nested_stack_resource
        cfn_network.add_property_override("Parameters.OpenCidr", "0.0.0.0/0")
        fn = lambda_.Function(self, "Handler", runtime=lambda_.Runtime.PYTHON_3_12, handler="index.handler",
                              code=lambda_.Code.from_asset("handler"))
        bucket.grant_read(fn)
        # applyToChildren on the function: the copies land on the function, its role and the role's policy.
        add_resource_suppressions(fn, [
            {"id": "AwsSolutions-IAM4", "reason": "The basic execution role is what every function gets here.",
             "applies_to": ["Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]},
            {"id": "AwsSolutions-IAM5", "reason": "The handler reads any object of the shared bucket.",
             "applies_to": ["Action::s3:GetBucket*", "Action::s3:GetObject*", "Action::s3:List*",
                            "Resource::<SharedDACC02AA.Arn>/*"]},
            {"id": "CloudFormation-Validate::W3010", "reason": "The availability zone is fixed on purpose here."},
        ], apply_to_children=True)


class Producer(cdk.Stack):
    def __init__(self, scope, id, **kw):
        super().__init__(scope, id, **kw)
        self.bucket = s3.Bucket(self, "Shared", enforce_ssl=True, server_access_logs_prefix="logs/",
                                block_public_access=s3.BlockPublicAccess.BLOCK_ALL)


class Consumer(cdk.Stack):
    def __init__(self, scope, id, *, bucket, **kw):
        super().__init__(scope, id, **kw)
        role = iam.Role(self, "Reader", assumed_by=iam.ServicePrincipal("ec2.amazonaws.com"))
        role.add_to_policy(iam.PolicyStatement(actions=["s3:GetObject"], resources=[bucket.arn_for_objects("*")]))
        add_resource_suppressions(role, [{
            "id": "AwsSolutions-IAM5", "reason": "The reader gets every object of the producer's bucket.",
            "applies_to": ["Resource::<SharedDACC02AA.Arn>/*"]}], apply_to_children=True)
        jobs = sqs.Queue(self, "Jobs", enforce_ssl=True)
        # cdk-nag 3: an acknowledgement on the construct, written by its aspect on every resource below it.
        cdk.Validations.of(jobs).acknowledge(cdk.Acknowledgment(
            id="AwsSolutions-SQS3", reason="Jobs that fail are retried by the producer, not parked."))


app = cdk.App(context={"aws:cdk:enable-path-metadata": True, "aws:cdk:enable-asset-metadata": True})
Service(app, "Service")
prod = cdk.Stage(app, "Prod")
producer = Producer(prod, "Producer")
Consumer(prod, "Consumer", bucket=producer.bucket)
cdk.Aspects.of(prod).add(cdk_nag.WriteNagSuppressionsToCloudFormationAspect())
app.synth()
