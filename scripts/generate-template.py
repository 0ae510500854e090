#!/usr/bin/env python3
"""Synthetic CloudFormation templates for nag's benchmarks (issue 9).

Generates one template of exactly N resources: a realistic mix of what CDK apps emit, in groups that reference
each other the way real stacks do (Ref, Fn::GetAtt, Fn::Sub, Fn::Join):

  bucket + bucket policy          (policy on the bucket, server access logs to a shared log bucket)
  role + IAM policy               (the policy is attached to the role and grants access to the bucket)
  security group + ingress        (the ingress opens the function's group to the load balancer's group)
  Lambda function + permission    (runs as the role, in the VPC with the group, reads the bucket)
  load balancer + listener + target group  (the target group targets the function)
  CloudFront distribution         (origin is the load balancer, logs to the log bucket)

About a quarter of each kind is deliberately non-compliant (no encryption, open ingress, HTTP listener,
wildcard actions, no logging, ...), so rules report findings as they would on a real stack, and a few
resources carry cdk_nag suppressions. The output is deterministic for a given size and seed.

usage: scripts/generate-template.py RESOURCES [-o FILE] [--format json|yaml] [--seed N]
       scripts/generate-template.py --sizes 100,1000,5000,20000 --dir DIR   (one file per size: DIR/synthetic-N.json)
"""
import argparse
import json
import random
import sys


def ref(name):
    return {"Ref": name}


def arn(name):
    return {"Fn::GetAtt": [name, "Arn"]}


def cdk(path):
    return {"aws:cdk:path": f"Bench/Stack/{path}/Resource"}


def group(i, rng):
    """The resources of group i, in the order a synthesizer writes them, as (logical id, resource) pairs."""
    bad = lambda: rng.random() < 0.25
    b, bp, role, pol = f"DataBucket{i}", f"DataBucketPolicy{i}", f"FunctionRole{i}", f"FunctionRolePolicy{i}"
    sg, ing, fn, perm = f"FunctionSG{i}", f"FunctionSGIngress{i}", f"Function{i}", f"FunctionInvokePermission{i}"
    lbsg, lb, lis, tg = f"LoadBalancerSG{i}", f"LoadBalancer{i}", f"Listener{i}", f"TargetGroup{i}"
    dist = f"Distribution{i}"
    tags = [{"Key": "team", "Value": f"team-{i % 17}"}, {"Key": "stage", "Value": {"Ref": "Stage"}}]

    bucket_props = {
        "VersioningConfiguration": {"Status": "Enabled"},
        "PublicAccessBlockConfiguration": {"BlockPublicAcls": True, "BlockPublicPolicy": True,
                                           "IgnorePublicAcls": True, "RestrictPublicBuckets": True},
        "LoggingConfiguration": {"DestinationBucketName": ref("AccessLogBucket"), "LogFilePrefix": f"data-{i}/"},
        "BucketEncryption": {"ServerSideEncryptionConfiguration": [
            {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": arn("DataKey")}}]},
        "Tags": tags,
    }
    if bad():
        del bucket_props["BucketEncryption"]
    if bad():
        del bucket_props["LoggingConfiguration"]
    bucket_meta = cdk(f"Data{i}/Bucket")
    if i % 10 == 3:
        bucket_meta["cdk_nag"] = {"rules_to_suppress": [
            {"id": "AwsSolutions-S1", "reason": "Access logs for this bucket are collected by the org trail."}]}

    secure = {"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "s3:*",
              "Resource": [arn(b), {"Fn::Join": ["", [arn(b), "/*"]]}],
              "Condition": {"Bool": {"aws:SecureTransport": "false"}}}
    read = {"Effect": "Allow", "Principal": {"AWS": arn(role)}, "Action": ["s3:GetObject*", "s3:List*"],
            "Resource": [arn(b), {"Fn::Join": ["", [arn(b), "/*"]]}]}
    statements = [read] if bad() else [secure, read]

    actions = ["s3:*"] if bad() else ["s3:GetObject", "s3:PutObject", "s3:ListBucket"]
    policy_doc = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": actions, "Resource": [arn(b), {"Fn::Sub": "${" + b + ".Arn}/*"}]},
        {"Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey*"], "Resource": arn("DataKey")},
        {"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
         "Resource": {"Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/*"}},
    ]}

    open_ingress = bad()
    ingress = ({"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "0.0.0.0/0",
                "Description": "from anywhere"} if open_ingress else
               {"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8080,
                "SourceSecurityGroupId": {"Fn::GetAtt": [lbsg, "GroupId"]}, "Description": "from the load balancer"})

    fn_props = {
        "Runtime": "nodejs14.x" if bad() else "nodejs22.x",
        "Handler": "index.handler", "MemorySize": 512, "Timeout": 30,
        "Role": arn(role),
        "Code": {"S3Bucket": {"Fn::Sub": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"},
                 "S3Key": f"{rng.getrandbits(128):032x}.zip"},
        "Environment": {"Variables": {"BUCKET": ref(b), "STAGE": ref("Stage"),
                                      "MODE": {"Fn::If": ["IsProd", "strict", "relaxed"]}}},
        "VpcConfig": {"SecurityGroupIds": [{"Fn::GetAtt": [sg, "GroupId"]}],
                      "SubnetIds": [ref("PrivateSubnetA"), ref("PrivateSubnetB")]},
        "ReservedConcurrentExecutions": 10,
        "Tags": tags,
    }
    if bad():
        del fn_props["VpcConfig"]

    https = not bad()
    listener_props = ({"LoadBalancerArn": ref(lb), "Port": 443, "Protocol": "HTTPS",
                       "Certificates": [{"CertificateArn": ref("CertificateArn")}],
                       "SslPolicy": "ELBSecurityPolicy-TLS13-1-2-2021-06",
                       "DefaultActions": [{"Type": "forward", "TargetGroupArn": ref(tg)}]} if https else
                      {"LoadBalancerArn": ref(lb), "Port": 80, "Protocol": "HTTP",
                       "DefaultActions": [{"Type": "forward", "TargetGroupArn": ref(tg)}]})
    lb_attrs = [{"Key": "deletion_protection.enabled", "Value": "true"},
                {"Key": "routing.http.drop_invalid_header_fields.enabled", "Value": "true"}]
    if not bad():
        lb_attrs += [{"Key": "access_logs.s3.enabled", "Value": "true"},
                     {"Key": "access_logs.s3.bucket", "Value": ref("AccessLogBucket")},
                     {"Key": "access_logs.s3.prefix", "Value": f"alb-{i}"}]

    dist_config = {
        "Enabled": True, "HttpVersion": "http2", "IPV6Enabled": True, "Comment": f"service {i}",
        "Origins": [{"Id": "alb", "DomainName": {"Fn::GetAtt": [lb, "DNSName"]},
                     "CustomOriginConfig": {"OriginProtocolPolicy": "https-only" if https else "http-only",
                                            "OriginSSLProtocols": ["TLSv1.2"]},
                     "OriginCustomHeaders": [{"HeaderName": "X-Origin-Verify",
                                              "HeaderValue": {"Fn::Sub": "{{resolve:secretsmanager:${OriginSecret}:SecretString:token}}"}}]}],
        "DefaultCacheBehavior": {"TargetOriginId": "alb",
                                 "ViewerProtocolPolicy": "allow-all" if bad() else "redirect-to-https",
                                 "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                                 "AllowedMethods": ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"]},
        "ViewerCertificate": {"AcmCertificateArn": ref("CertificateArn"), "SslSupportMethod": "sni-only",
                              "MinimumProtocolVersion": "TLSv1.2_2021"},
        "Aliases": [{"Fn::Sub": f"svc{i}.${{DomainName}}"}],
    }
    if not bad():
        dist_config["Logging"] = {"Bucket": {"Fn::GetAtt": ["AccessLogBucket", "RegionalDomainName"]},
                                  "Prefix": f"cf-{i}/"}
    if not bad():
        dist_config["WebACLId"] = {"Ref": "WebAclArn"}

    return [
        (b, {"Type": "AWS::S3::Bucket", "UpdateReplacePolicy": "Retain", "DeletionPolicy": "Retain",
             "Properties": bucket_props, "Metadata": bucket_meta}),
        (bp, {"Type": "AWS::S3::BucketPolicy", "Properties": {
            "Bucket": ref(b), "PolicyDocument": {"Version": "2012-10-17", "Statement": statements}},
            "Metadata": cdk(f"Data{i}/Bucket/Policy")}),
        (role, {"Type": "AWS::IAM::Role", "Properties": {
            "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
            "ManagedPolicyArns": [{"Fn::Join": ["", ["arn:", ref("AWS::Partition"),
                                                     ":iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"]]}],
            "Tags": tags}, "Metadata": cdk(f"Service{i}/Role")}),
        (pol, {"Type": "AWS::IAM::Policy", "Properties": {
            "PolicyName": f"FunctionRoleDefaultPolicy{i}", "PolicyDocument": policy_doc, "Roles": [ref(role)]},
            "Metadata": cdk(f"Service{i}/Role/DefaultPolicy")}),
        (lbsg, {"Type": "AWS::EC2::SecurityGroup", "Properties": {
            "GroupDescription": f"load balancer {i}", "VpcId": ref("Vpc"),
            "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
                                      "CidrIp": "0.0.0.0/0", "Description": "HTTPS from anywhere"}],
            "SecurityGroupEgress": [{"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8080,
                                     "DestinationSecurityGroupId": {"Fn::GetAtt": [sg, "GroupId"]}}]},
            "Metadata": cdk(f"Service{i}/LB/SecurityGroup")}),
        (sg, {"Type": "AWS::EC2::SecurityGroup", "Properties": {
            "GroupDescription": f"function {i}", "VpcId": ref("Vpc"),
            "SecurityGroupEgress": [{"IpProtocol": "-1", "CidrIp": "0.0.0.0/0"}]},
            "Metadata": cdk(f"Service{i}/Function/SecurityGroup")}),
        (ing, {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": dict(
            ingress, GroupId={"Fn::GetAtt": [sg, "GroupId"]}), "Metadata": cdk(f"Service{i}/Function/Ingress")}),
        (fn, {"Type": "AWS::Lambda::Function", "DependsOn": [pol, role], "Properties": fn_props,
              "Metadata": cdk(f"Service{i}/Function")}),
        (perm, {"Type": "AWS::Lambda::Permission", "Properties": {
            "Action": "lambda:InvokeFunction", "FunctionName": arn(fn),
            "Principal": "elasticloadbalancing.amazonaws.com", "SourceArn": ref(tg)}}),
        (tg, {"Type": "AWS::ElasticLoadBalancingV2::TargetGroup", "Properties": {
            "TargetType": "lambda", "Targets": [{"Id": arn(fn)}],
            "HealthCheckEnabled": True, "TargetGroupAttributes": [
                {"Key": "lambda.multi_value_headers.enabled", "Value": "true"}]},
            "Metadata": cdk(f"Service{i}/TargetGroup")}),
        (lb, {"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer", "Properties": {
            "Scheme": "internet-facing", "Type": "application",
            "Subnets": [ref("PublicSubnetA"), ref("PublicSubnetB")],
            "SecurityGroups": [{"Fn::GetAtt": [lbsg, "GroupId"]}],
            "LoadBalancerAttributes": lb_attrs}, "Metadata": cdk(f"Service{i}/LB")}),
        (lis, {"Type": "AWS::ElasticLoadBalancingV2::Listener", "Properties": listener_props,
               "Metadata": cdk(f"Service{i}/LB/Listener")}),
        (dist, {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": dist_config},
                "Metadata": cdk(f"Service{i}/Distribution")}),
    ]


def shared():
    """The resources every group references: a key, the access-log bucket and its policy, a VPC and subnets."""
    log_bucket = {"Type": "AWS::S3::Bucket", "DeletionPolicy": "Retain", "Properties": {
        "BucketEncryption": {"ServerSideEncryptionConfiguration": [
            {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]},
        "OwnershipControls": {"Rules": [{"ObjectOwnership": "BucketOwnerPreferred"}]},
        "PublicAccessBlockConfiguration": {"BlockPublicAcls": True, "BlockPublicPolicy": True,
                                           "IgnorePublicAcls": True, "RestrictPublicBuckets": True},
        "VersioningConfiguration": {"Status": "Enabled"}},
        "Metadata": {"cdk_nag": {"rules_to_suppress": [
            {"id": "AwsSolutions-S1", "reason": "This is the access log bucket."}]}}}
    resources = [
        ("DataKey", {"Type": "AWS::KMS::Key", "Properties": {"EnableKeyRotation": True, "KeyPolicy": {
            "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:*", "Resource": "*",
                "Principal": {"AWS": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}}}]}}}),
        ("AccessLogBucket", log_bucket),
        ("AccessLogBucketPolicy", {"Type": "AWS::S3::BucketPolicy", "Properties": {
            "Bucket": ref("AccessLogBucket"), "PolicyDocument": {"Version": "2012-10-17", "Statement": [
                {"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "s3:*",
                 "Resource": [arn("AccessLogBucket"), {"Fn::Join": ["", [arn("AccessLogBucket"), "/*"]]}],
                 "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}}}),
        ("Vpc", {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16",
                                                        "EnableDnsHostnames": True, "EnableDnsSupport": True}}),
    ]
    for name, cidr, zone in [("PublicSubnetA", "10.0.0.0/24", 0), ("PublicSubnetB", "10.0.1.0/24", 1),
                             ("PrivateSubnetA", "10.0.2.0/24", 0), ("PrivateSubnetB", "10.0.3.0/24", 1)]:
        resources.append((name, {"Type": "AWS::EC2::Subnet", "Properties": {
            "VpcId": ref("Vpc"), "CidrBlock": cidr, "MapPublicIpOnLaunch": name.startswith("Public"),
            "AvailabilityZone": {"Fn::Select": [zone, {"Fn::GetAZs": ""}]}}}))
    return resources


def template(count, seed=9):
    rng = random.Random(seed)
    resources = dict(shared())
    outputs = {}
    i = 0
    while len(resources) < count:
        for name, body in group(i, rng):
            if len(resources) >= count:
                break
            resources[name] = body
            if body["Type"] == "AWS::CloudFront::Distribution":
                outputs[f"{name}Domain"] = {"Value": {"Fn::GetAtt": [name, "DomainName"]}}
        i += 1
    # Trim the shared resources too when fewer than those are asked for.
    resources = dict(list(resources.items())[:count])
    return {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": f"Synthetic benchmark stack of {count} resources (scripts/generate-template.py)",
        "Parameters": {
            "Stage": {"Type": "String", "Default": "prod", "AllowedValues": ["dev", "prod"]},
            "CertificateArn": {"Type": "String"},
            "DomainName": {"Type": "String", "Default": "example.com"},
            "OriginSecret": {"Type": "String", "Default": "origin-secret"},
            "WebAclArn": {"Type": "String"},
        },
        "Conditions": {"IsProd": {"Fn::Equals": [ref("Stage"), "prod"]}},
        "Resources": resources,
        "Outputs": {k: v for k, v in outputs.items() if v["Value"]["Fn::GetAtt"][0] in resources},
    }


def to_yaml(value):
    """Block-style YAML with long-form intrinsics (the JSON structure, unambiguously quoted)."""
    lines = []

    def scalar(v):
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (int, float)):
            return str(v)
        return json.dumps(v)

    def emit(v, indent, lines):
        pad = "  " * indent
        if isinstance(v, dict):
            for k, x in v.items():
                key = json.dumps(k) if ":" in k else k
                if isinstance(x, (dict, list)) and x:
                    lines.append(f"{pad}{key}:")
                    emit(x, indent + 1, lines)
                else:
                    lines.append(f"{pad}{key}: {scalar(x) if not isinstance(x, (dict, list)) else json.dumps(x)}")
        else:
            for x in v:
                if isinstance(x, (dict, list)) and x:
                    sub = []
                    emit(x, indent + 1, sub)
                    lines.append(f"{pad}- {sub[0].lstrip()}")
                    lines.extend(sub[1:])
                else:
                    lines.append(f"{pad}- {scalar(x) if not isinstance(x, (dict, list)) else json.dumps(x)}")

    emit(value, 0, lines)
    return "\n".join(lines) + "\n"


def render(t, fmt):
    return json.dumps(t, indent=1) + "\n" if fmt == "json" else to_yaml(t)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("resources", nargs="?", type=int)
    parser.add_argument("-o", "--output")
    parser.add_argument("--format", choices=["json", "yaml"], default="json")
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--sizes", help="comma-separated resource counts, one file each in --dir")
    parser.add_argument("--dir", default=".")
    args = parser.parse_args()
    if args.sizes:
        for n in (int(s) for s in args.sizes.split(",")):
            path = f"{args.dir}/synthetic-{n}.{args.format}"
            with open(path, "w") as f:
                f.write(render(template(n, args.seed), args.format))
            print(path)
        return
    if args.resources is None:
        parser.error("give RESOURCES or --sizes")
    text = render(template(args.resources, args.seed), args.format)
    if args.output:
        with open(args.output, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
