#!/usr/bin/env python3
"""Checks the deployment files where no container runtime or Kubernetes cluster is at hand.

1. The Dockerfile's build stage as written: its COPY lines fill a scratch folder (without bin/ and
   obj/, as .dockerignore says) and its RUN line publishes the server there.
2. Its runtime stage's settings: the published server, started with the image's ENV (and a
   caller's key) as an unprivileged user when run as root, answers gRPC health on the image's gRPC
   port and the JSON endpoint on its HTTP port, and refuses a call without the key.
3. The Kubernetes manifests parse and agree with the image: container ports, probes on the gRPC
   port, selectors matching their pods' labels, Services' target ports, settings the server reads,
   and a NetworkPolicy that opens the silo port to the engine's own pods only.

Usage: python3 deploy/check.py (from anywhere). The server takes the image's own ports, which must
be free; health is asked through tests/clients/node/grpcurl.mjs (Node.js, after `npm ci` there)
and the manifests are read with PyYAML (Debian: python3-yaml).
"""
import hashlib, json, os, re, shutil, subprocess, sys, tempfile, time, urllib.request, urllib.error
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def stages(dockerfile):
    """The Dockerfile's instructions (continuation lines joined), split by FROM."""
    text = re.sub(r"\\\n\s*", " ", open(dockerfile).read())
    result = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, _, rest = line.partition(" ")
        if word == "FROM":
            result.append([])
        result[-1].append((word, rest.strip()))
    return result


def build(stage, scratch, out):
    """COPY as Docker does (a folder's contents into the target folder, files into it), then RUN."""
    ignored = shutil.ignore_patterns("bin", "obj", "node_modules")
    for word, rest in stage:
        if word == "COPY":
            *sources, target = rest.split()
            into = os.path.join(scratch, target)
            for source in sources:
                path = os.path.join(ROOT, source)
                if os.path.isdir(path):
                    shutil.copytree(path, into, ignore=ignored, dirs_exist_ok=True)
                else:
                    os.makedirs(into, exist_ok=True)
                    shutil.copy(path, into)
        elif word == "RUN":
            command = rest.replace("-o /app", f"-o {out}")
            subprocess.run(command, shell=True, cwd=scratch, check=True, stdout=subprocess.DEVNULL)


def runtime_env(stage):
    env = {}
    for word, rest in stage:
        if word == "ENV":
            for name, value in re.findall(r"(\w+)=(\S*)", rest):
                env[name] = value
    return env


def serve(out, env):
    key = "deploy-check-key"
    settings = dict(os.environ, **env)
    settings["Engine__ApiKeys__check"] = hashlib.sha256(key.encode()).hexdigest()
    command = ["dotnet", os.path.join(out, "Engine.Server.dll")]
    if os.geteuid() == 0:
        os.chmod(out, 0o755)
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + command
        settings["HOME"] = "/tmp"
    return subprocess.Popen(command, env=settings, cwd="/tmp", stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True), key


def port_of(url):
    return int(url.rsplit(":", 1)[1].strip("/"))


def check_server(out, env):
    grpc_port, http_port = port_of(env["ASPNETCORE_URLS"]), port_of(env["Engine__HttpUrl"])
    server, key = serve(out, env)
    try:
        health = None
        for _ in range(120):
            if server.poll() is not None:
                sys.exit("the server stopped:\n" + server.stdout.read())
            probe = subprocess.run(["node", os.path.join(ROOT, "tests/clients/node/grpcurl.mjs"), "-plaintext", f"127.0.0.1:{grpc_port}", "grpc.health.v1.Health/Check"],
                                   capture_output=True, text=True)
            if probe.returncode == 0 and "SERVING" in probe.stdout:
                health = probe.stdout
                break
            time.sleep(0.5)
        assert health, f"no gRPC health on {grpc_port}: {probe.stderr}"
        body = json.dumps({"text": open(os.path.join(ROOT, "seeds/000_cc32e3e8c87c2fdc.txt")).read(), "maxSentences": 2}).encode()
        request = urllib.request.Request(f"http://127.0.0.1:{http_port}/v1/summarize", data=body, headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
        summary = json.load(urllib.request.urlopen(request))
        assert len(summary["sentences"]) == 2, summary
        try:
            urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{http_port}/v1/summarize", data=body, headers={"Content-Type": "application/json"}))
            sys.exit("a call without a key was answered")
        except urllib.error.HTTPError as e:
            assert e.code == 401, e.code
    finally:
        server.terminate()
        server.wait()
    print(f"image: health on {grpc_port}, JSON on {http_port}, keys required" + (", as an unprivileged user" if os.geteuid() == 0 else ""))


def check_manifests(env):
    documents = []
    for name in sorted(os.listdir(os.path.join(ROOT, "deploy/kubernetes"))):
        with open(os.path.join(ROOT, "deploy/kubernetes", name)) as f:
            documents += [d for d in yaml.safe_load_all(f) if d]
    kinds = {(d["kind"], d["metadata"]["name"]): d for d in documents}
    image_ports = {port_of(env["ASPNETCORE_URLS"]), port_of(env["Engine__HttpUrl"]), int(env["Engine__Cluster__SiloPort"])}
    readme = open(os.path.join(ROOT, "README.md")).read()
    for (kind, name), d in kinds.items():
        if kind not in ("Deployment", "StatefulSet"):
            continue
        pod = d["spec"]["template"]
        labels = pod["metadata"]["labels"]
        assert all(labels.get(k) == v for k, v in d["spec"]["selector"]["matchLabels"].items()), f"{name}: selector does not match its pods"
        for container in pod["spec"]["containers"]:
            ports = {p["name"]: p["containerPort"] for p in container["ports"]}
            for probe in ("readinessProbe", "livenessProbe"):
                if "grpc" in container.get(probe, {}):
                    assert container[probe]["grpc"]["port"] == ports["grpc"], f"{name}: {probe} is not on the gRPC port"
            if container["image"].startswith("engine-server"):
                assert set(ports.values()) == image_ports, f"{name}: ports {sorted(ports.values())} are not the image's {sorted(image_ports)}"
                assert "grpc" in container["readinessProbe"] and "grpc" in container["livenessProbe"], f"{name}: probes are not gRPC health"
                for variable in container["env"]:
                    if variable["name"].startswith("Engine__"):
                        setting = variable["name"].replace("__", ":")
                        assert setting in readme, f"{name}: {setting} is not a setting the README names"
                for label in ("orleans/serviceId", "orleans/clusterId"):
                    assert label in labels, f"{name}: the pod lacks the label {label}"
                account = pod["spec"]["serviceAccountName"]
                assert ("ServiceAccount", account) in kinds, f"{name}: no ServiceAccount {account}"
        for (other_kind, service), s in kinds.items():
            if other_kind == "Service" and all(labels.get(k) == v for k, v in s["spec"]["selector"].items()):
                names = {p["name"] for c in pod["spec"]["containers"] for p in c["ports"]}
                for p in s["spec"]["ports"]:
                    assert p.get("targetPort", p["port"]) in names | {p["port"]}, f"Service {service}: target {p.get('targetPort')} is no port of {name}"
    # The silo port (unauthenticated Orleans messages) is open to the engine's own pods only.
    policies = [d for d in documents if d["kind"] == "NetworkPolicy"]
    engine = kinds[("Deployment", "engine")]["spec"]["template"]["metadata"]["labels"]
    guarding = [p for p in policies if all(engine.get(k) == v for k, v in p["spec"]["podSelector"]["matchLabels"].items())]
    assert guarding, "no NetworkPolicy selects the engine's pods"
    for rule in guarding[0]["spec"]["ingress"]:
        if any(port["port"] == "silo" for port in rule.get("ports", [])):
            sources = rule.get("from")
            assert sources and all(all(engine.get(k) == v for k, v in f["podSelector"]["matchLabels"].items()) for f in sources), "the silo port is open beyond the engine's pods"
    print(f"manifests: {len(documents)} objects agree with the image; the silo port is the engine's own")


def main():
    dockerfile = stages(os.path.join(ROOT, "Dockerfile"))
    assert len(dockerfile) == 2, "a build stage and a runtime stage"
    assert any(w == "USER" for w, _ in dockerfile[1]), "the runtime stage names a non-root user"
    env = runtime_env(dockerfile[1])
    with tempfile.TemporaryDirectory() as scratch, tempfile.TemporaryDirectory() as out:
        build(dockerfile[0], scratch, out)
        print("image: the build stage publishes the server from the files it copies")
        check_server(out, env)
    check_manifests(env)


if __name__ == "__main__":
    main()
