#!/usr/bin/env python3
"""Differential check of nag's SAM expansion against the official AWS SAM translator.

For every SAM template of the shared corpus (MANIFEST.tsv: the SAM transform or Serverless resources), the
translator from PyPI (`aws-sam-translator`) writes the CloudFormation it deploys, in ONE Python process
(region us-east-1, a fixed account id, the translator's bundled managed-policy map, so it runs offline).
Templates without a `Transform` line get one, as the translator's own tests add it. nag then runs once over
the SAM sources (which it expands itself) and once over the translator outputs, and the two sets of
(rule[finding id], logical id) pairs are compared both ways, per rule.

Logical ids the translator suffixes with a content hash (API deployments, function versions, layer
versions, stages with non-alphanumeric names) are compared without the 10-character hex suffix: nag does not
reproduce the translator's hash (docs/sam.md).

  scripts/sam-differential.py                  per-rule table
  scripts/sam-differential.py --show 5         also list differences
  scripts/sam-differential.py --check          fail when a rule falls below its floor in
                                               Tests/Fixtures/differential-baseline/sam.tsv (99% when absent)
  scripts/sam-differential.py --write-baseline record today's numbers below 99% as floors
"""
import argparse, json, math, os, re, subprocess, sys, tempfile, time
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.environ.get("NAG_CORPUS", os.path.join(ROOT, "..", "shared", "corpus"))
BASELINE = os.path.join(ROOT, "Tests", "Fixtures", "differential-baseline", "sam.tsv")
TARGET = 0.99
TRANSFORM = "AWS::Serverless-2016-10-31"
PACKS = ["AwsSolutions", "HIPAA.Security", "NIST.800.53.R4", "NIST.800.53.R5", "PCI.DSS.321", "Serverless"]
HASHED = re.compile(r"^(.+?)[0-9a-f]{10}$")


def normal_id(logical_id):
    """The logical id with a trailing 10-character hex hash (the translator's content hash) replaced by #."""
    m = HASHED.match(logical_id)
    return m.group(1) + "#" if m else logical_id


def sam_files():
    rows = []
    with open(os.path.join(CORPUS, "MANIFEST.tsv"), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            if row.get("sam_transform") not in ("", "-") or row.get("sam_resources") not in ("", "-"):
                rows.append(row["local_path"])
    return sorted(rows)


def with_transform(text, is_json):
    """The template text with the SAM Transform line added, positions of existing lines kept where possible."""
    if is_json:
        brace = text.index("{")
        return text[:brace + 1] + f'"Transform": "{TRANSFORM}",' + text[brace + 1:]
    lines = text.split("\n")
    at = 0
    while at < len(lines) and (lines[at].startswith("%") or lines[at].strip() in ("---",) or lines[at].startswith("#")):
        at += 1
    return "\n".join(lines[:at] + [f"Transform: {TRANSFORM}"] + lines[at:])


def translate(files, work):
    """Writes each translatable template's source (with the Transform) and translation; returns the names."""
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    os.environ.setdefault("AWS_REGION", "us-east-1")
    import logging
    logging.disable(logging.CRITICAL)
    from samtranslator.internal.managed_policies import get_bundled_managed_policy_map
    from samtranslator.parser.parser import Parser
    from samtranslator.plugins.application.serverless_app_plugin import ServerlessAppPlugin
    from samtranslator.translator.translator import Translator
    from samtranslator.yaml_helper import yaml_parse

    import boto3
    import samtranslator.translator.translator as translator_module

    policies = get_bundled_managed_policy_map("aws") or {}
    # Built once, not per template: the translator validates its policy-template data on every build, and a
    # boto3 session costs as much; together they were nine tenths of the translation time.
    policy_template_plugin = translator_module.make_policy_template_for_function_plugin()
    translator_module.make_policy_template_for_function_plugin = lambda: policy_template_plugin
    session = boto3.session.Session(region_name="us-east-1")

    class OfflineApplications(ServerlessAppPlugin):
        """Stands in for the plugin that asks the Serverless Application Repository for nested templates."""
        def on_before_transform_template(self, template_dict):
            pass

        def on_before_transform_resource(self, logical_id, resource_type, resource_properties):
            pass

        def on_after_transform_template(self, template):
            pass

    def transform(template, parameters):
        translator = Translator(policies, Parser(), plugins=[OfflineApplications()], boto_session=session)
        return translator.translate(template, parameter_values=parameters, get_managed_policy_map=lambda: policies)

    src_dir, out_dir = os.path.join(work, "src"), os.path.join(work, "out")
    os.makedirs(src_dir); os.makedirs(out_dir)
    translated, rejected, unreadable = [], [], []
    for n, rel in enumerate(files):
        path = os.path.join(CORPUS, rel)
        try:
            text = open(path, encoding="utf-8").read()
            template = yaml_parse(text)
        except Exception:
            unreadable.append(rel); continue
        if not isinstance(template, dict) or not isinstance(template.get("Resources"), dict):
            unreadable.append(rel); continue
        transform_value = template.get("Transform")
        names = transform_value if isinstance(transform_value, list) else [transform_value]
        if TRANSFORM not in names:
            if transform_value is not None:
                unreadable.append(rel); continue
            template["Transform"] = TRANSFORM
            text = with_transform(text, text.lstrip().startswith("{"))
        try:
            output = transform(template, {"AWS::Region": "us-east-1", "AWS::AccountId": "123456789012"})
        except Exception:
            rejected.append(rel); continue
        name = f"{n:04d}"
        ext = ".json" if text.lstrip().startswith("{") else ".yaml"
        with open(os.path.join(src_dir, name + ext), "w", encoding="utf-8") as f:
            f.write(text)
        with open(os.path.join(out_dir, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(output, f, default=str)
        translated.append((name, ext, rel))
    return translated, rejected, unreadable


def run_nag(nag, paths):
    run = subprocess.run([nag] + [a for p in PACKS for a in ("--pack", p)] +
                         ["--format", "json", "--ignore-suppressions", "--unknown", "warning", "--fail-on", "none",
                          "--skip-rule", "Nag-"] + paths, capture_output=True, text=True)
    if run.returncode not in (0, 2):
        sys.exit(f"sam-differential: nag failed ({run.returncode}): {run.stderr[-2000:]}")
    return json.loads(run.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nag", default=os.path.join(ROOT, ".build", "debug", "nag"))
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--write-baseline", action="store_true")
    args = ap.parse_args()
    if not os.path.exists(os.path.join(CORPUS, "MANIFEST.tsv")):
        print(f"sam-differential: {CORPUS} is absent; skipped"); return 0
    try:
        import samtranslator
    except ImportError:
        print("sam-differential: aws-sam-translator is not installed (python3 -m pip install aws-sam-translator); skipped")
        return 0
    started = time.time()
    with tempfile.TemporaryDirectory() as work:
        translated, rejected, unreadable = translate(sam_files(), work)
        translated_at = time.time()
        sources = [os.path.join(work, "src", name + ext) for name, ext, _ in translated]
        outputs = [os.path.join(work, "out", name + ".json") for name, _, _ in translated]
        report = run_nag(args.nag, sources + outputs)
        pairs = {"src": defaultdict(set), "out": defaultdict(set)}
        for f in report["findings"]:
            file = f["location"]["file"]
            side = "src" if os.sep + "src" + os.sep in file else "out"
            name = os.path.basename(file).split(".")[0]
            rid = f["rule"] + (f"[{f['findingId']}]" if f.get("findingId") else "")
            pairs[side][name].add((rid, f["resource"]["logicalId"]))
        failed_src = [d for d in report["files"] if not d["loaded"] and os.sep + "src" + os.sep in d["file"]]
        located_errors = sum(1 for d in report.get("diagnostics", []) if "SAM resource" in d.get("message", ""))
    ended = time.time()

    base = lambda rid: rid.split("[", 1)[0]
    stats = defaultdict(lambda: [0, 0, 0, 0])  # translator pairs, found by nag's expansion, expansion pairs, confirmed
    diffs = defaultdict(lambda: ([], []))
    for name, _, rel in translated:
        out = {(r, normal_id(l)) for r, l in pairs["out"][name]}
        src = {(r, normal_id(l)) for r, l in pairs["src"][name]}
        for pair in out:
            s = stats[base(pair[0])]; s[0] += 1
            if pair in src: s[1] += 1
            else: diffs[base(pair[0])][0].append((rel, pair))
        for pair in src:
            s = stats[base(pair[0])]; s[2] += 1
            if pair in out: s[3] += 1
            else: diffs[base(pair[0])][1].append((rel, pair))

    floors = {}
    if os.path.exists(BASELINE):
        for line in open(BASELINE):
            if line.startswith("#") or not line.strip(): continue
            key, recall, precision = line.rstrip("\n").split("\t")[:3]
            floors[key.removeprefix("SAM:")] = (float(recall), float(precision))

    print(f"sam-differential: {len(translated)} SAM templates translated ({len(rejected)} rejected by the translator, "
          f"{len(unreadable)} not SAM templates it reads); translation {translated_at - started:.1f}s, nag {ended - translated_at:.1f}s")
    width = max([24] + [len(r) + 2 for r in stats])
    print(f"{'rule':<{width}}{'translator':>11}{'found':>8}{'recall':>9}{'expanded':>10}{'confirmed':>10}{'precision':>10}")
    problems, rows = [], []
    for r in sorted(stats):
        cp, found, np_, conf = stats[r]
        recall = found / cp if cp else 1.0
        precision = conf / np_ if np_ else 1.0
        rows.append((r, recall, precision))
        floor = floors.get(r, (TARGET, TARGET))
        mark = ""
        if recall + 1e-9 < min(floor[0], TARGET) or precision + 1e-9 < min(floor[1], TARGET):
            mark = "  <-- below floor"; problems.append(r)
        elif recall < TARGET or precision < TARGET:
            mark = "  (below 99%, documented)"
        print(f"{r:<{width}}{cp:>11}{found:>8}{recall:>8.1%}{np_:>10}{conf:>10}{precision:>9.1%}{mark}")
        if args.show:
            missed, extra = diffs[r]
            for rel, pair in missed[:args.show]: print(f"    missed  {pair[0]} {pair[1]}  {rel}")
            for rel, pair in extra[:args.show]: print(f"    extra   {pair[0]} {pair[1]}  {rel}")
    tot = [sum(s[i] for s in stats.values()) for i in range(4)]
    print(f"{'all':<{width}}{tot[0]:>11}{tot[1]:>8}{(tot[1] / tot[0] if tot[0] else 1):>8.1%}{tot[2]:>10}{tot[3]:>10}{(tot[3] / tot[2] if tot[2] else 1):>9.1%}")
    if args.write_baseline:
        with open(BASELINE, "w") as out:
            out.write("# SAM:rule\tmin recall\tmin precision (nag's SAM expansion against the SAM translator, below 99%; "
                      "written by scripts/sam-differential.py --write-baseline; the SAM: prefix keeps scripts/differential.py from reading them)\n")
            for r, recall, precision in rows:
                if recall < TARGET or precision < TARGET:
                    out.write(f"SAM:{r}\t{math.floor(recall * 10000) / 10000:.4f}\t{math.floor(precision * 10000) / 10000:.4f}\n")
    if args.check and problems:
        print("sam-differential: below floor: " + ", ".join(problems)); return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
