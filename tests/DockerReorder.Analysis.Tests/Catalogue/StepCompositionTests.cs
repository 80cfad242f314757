using DockerReorder.Analysis.Catalogue;
using static DockerReorder.Analysis.Tests.Catalogue.CatalogueHarness;


namespace DockerReorder.Analysis.Tests.Catalogue;

/// <summary>How the commands of a RUN combine, and the forms a RUN takes: shell, exec, heredoc, --mount.</summary>
public sealed class StepCompositionTests
{
    private static readonly Dictionary<string, string> Requirements = new() { ["requirements.txt"] = "flask\n" };

    [Fact]
    public void Seed_article_apk_step_reads_nothing_and_pip_step_installs()
    {
        Assert.Equal(StepEffectKind.ReadsNothing, Run("apk add gcc musl-dev").Kind);
        var pip = Run("pip install --no-cache-dir -r requirements.txt", Requirements);
        Assert.Equal(StepEffectKind.DependencyInstall, pip.Kind);
        Assert.Equal(["requirements.txt"], pip.Reads());
    }

    [Fact]
    public void An_install_chained_with_harmless_commands_stays_an_install_and_unions_writes()
    {
        var effect = Run("set -ex; apt-get update && apt-get install -y gcc && pip install -r requirements.txt && rm -rf /root/.cache", Requirements);

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Equal(["apt", "pip"], effect.Ecosystems);
        Assert.Contains("/var/lib/apt/lists", effect.Writes);
        Assert.Contains("/usr/local/lib", effect.Writes);
        Assert.Contains("/root/.cache", effect.Writes);
    }

    [Fact]
    public void An_unknown_command_makes_the_step_unknown_and_is_named()
    {
        var effect = Run("apt-get update && make build && apt-get install -y curl");

        Assert.Equal(StepEffectKind.Unknown, effect.Kind);
        Assert.Equal("`make build` is not a command the catalogue knows", effect.Reason);
    }

    [Fact]
    public void Needing_the_source_wins_over_unknown()
    {
        var effect = Run("frobnicate && npm run build", new Dictionary<string, string> { ["package.json"] = "{}" });

        Assert.Equal(StepEffectKind.NeedsSource, effect.Kind);
        Assert.Equal("`npm run build` runs project scripts or changes the project", effect.Reason);
    }

    [Theory]
    [InlineData("mkdir build", "`mkdir build` writes `build` in the working directory, where the broad copy puts the source")]
    [InlineData("chmod +x ./run.sh", "`chmod +x ./run.sh` writes `run.sh` in the working directory, where the broad copy puts the source")]
    [InlineData("chown -R app:app /app", "`chown -R app:app /app` writes `/app` in the working directory, where the broad copy puts the source")]
    [InlineData("rm -rf node_modules", "`rm -rf node_modules` deletes `node_modules` in the working directory, where the broad copy puts the source (moved below, the copy would put it back)")]
    [InlineData("echo hi > out.txt", "`echo hi` writes `out.txt` in the working directory, where the broad copy puts the source")]
    [InlineData("cat config.yml", "`cat config.yml` reads `config.yml` from the working directory")]
    [InlineData("sh ./scripts/setup.sh", "`sh ./scripts/setup.sh` runs `scripts/setup.sh` from the working directory")]
    public void Touching_the_working_directory_needs_the_source(string script, string reason)
    {
        var effect = Run(script);

        Assert.Equal(StepEffectKind.NeedsSource, effect.Kind);
        Assert.Equal(reason, effect.Reason);
    }

    [Theory]
    [InlineData("echo hello && printf '%s\\n' x && ls -la && pwd && true")]
    [InlineData("export PATH=/opt/bin:$PATH && umask 022 && cd /tmp")]
    [InlineData("mkdir -p /opt/app/logs && chmod 755 /opt/app && chown -R 1000:1000 /opt/app")]
    [InlineData("ln -s /usr/bin/python3 /usr/local/bin/python")]
    [InlineData("adduser -D -u 1000 app && addgroup app wheel")]
    [InlineData("groupadd -r app && useradd -r -g app -s /sbin/nologin app && usermod -aG app root")]
    [InlineData("ldconfig && update-ca-certificates && locale-gen en_US.UTF-8")]
    [InlineData("curl -fsSL https://example.com/tool.tar.gz -o /tmp/tool.tar.gz && tar -xzf /tmp/tool.tar.gz -C /usr/local/bin && rm /tmp/tool.tar.gz")]
    [InlineData("curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg")]
    [InlineData("wget -qO- https://example.com/x.tgz | tar -xz -C /opt")]
    [InlineData("cd /tmp && wget https://example.com/x.zip && unzip x.zip -d /opt/x")]
    [InlineData("echo 'deb http://deb.example.com stable main' > /etc/apt/sources.list.d/example.list")]
    [InlineData("sed -i 's/a/b/' /etc/ssh/sshd_config")]
    [InlineData("echo > /dev/null 2>&1 || true")]
    public void Harmless_commands_read_nothing(string script)
    {
        var effect = Run(script);

        Assert.Equal(StepEffectKind.ReadsNothing, effect.Kind);
    }

    [Fact]
    public void Writes_of_harmless_commands_are_reported()
    {
        Assert.Equal(["/opt/app/logs", "/opt/app"], Run("mkdir -p /opt/app/logs && chmod 755 /opt/app").Writes);
        Assert.Contains("/etc/passwd", Run("useradd -m app").Writes);
        Assert.Contains("/home/app", Run("useradd -m app").Writes);
    }

    [Fact]
    public void A_working_directory_of_root_only_flags_relative_paths()
    {
        Assert.Equal(StepEffectKind.ReadsNothing, Run("rm -rf /var/lib/apt/lists/*", workingDirectory: "/").Kind);
        Assert.Equal(StepEffectKind.NeedsSource, Run("rm -rf cache", workingDirectory: "/").Kind);
    }

    [Fact]
    public void Command_substitutions_are_classified_too()
    {
        Assert.Equal(StepEffectKind.ReadsNothing, Run("echo \"deb [arch=$(dpkg --print-architecture)] http://x $(. /etc/os-release && echo $VERSION_CODENAME) main\" > /etc/apt/sources.list.d/x.list").Kind);
        Assert.Equal(StepEffectKind.NeedsSource, Run("pip install $(cat extra.txt)").Kind);
    }

    [Fact]
    public void An_unresolved_variable_in_a_path_is_unknown()
    {
        var effect = Run("mkdir -p $DATA_DIR");

        Assert.Equal(StepEffectKind.Unknown, effect.Kind);
        Assert.Equal("`mkdir -p $DATA_DIR` uses `$DATA_DIR`, a value the catalogue cannot resolve", effect.Reason);
        Assert.Equal(["/data"], Run("mkdir -p $DATA_DIR", environment: new Dictionary<string, string> { ["DATA_DIR"] = "/data" }).Writes);
    }

    [Fact]
    public void Compound_commands_are_known_when_every_inner_command_is()
    {
        Assert.Equal(StepEffectKind.ReadsNothing, Run("if [ \"$TARGETARCH\" = amd64 ]; then apt-get update; else echo skip; fi").Kind);
        Assert.Equal(StepEffectKind.ReadsNothing, Run("for p in curl git; do apk add --no-cache $p; done").Kind);
        Assert.Equal(StepEffectKind.NeedsSource, Run("if [ -f requirements.txt ]; then echo yes; fi").Kind);
        Assert.Equal(StepEffectKind.Unknown, Run("case $x in a) echo a;; esac").Kind);
        Assert.Equal(StepEffectKind.Unknown, Run("echo 'unterminated").Kind);
    }

    [Fact]
    public void Shells_started_by_the_step_are_read()
    {
        Assert.Equal(StepEffectKind.DependencyInstall, Run("sh -c 'apk add gcc && pip install -r requirements.txt'", Requirements).Kind);
        Assert.Equal(StepEffectKind.DependencyInstall, Run("/bin/bash -eux -o pipefail -c \"pip install -r requirements.txt\"", Requirements).Kind);
        Assert.Equal(StepEffectKind.Unknown, Run("curl -fsSL https://example.com/install.sh | sh").Kind);
        Assert.Equal(StepEffectKind.ReadsNothing, Run("sudo -u root apt-get update && env DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata").Kind);
    }

    [Fact]
    public void Exec_form_is_a_word_list_and_a_shell_with_c_is_a_script()
    {
        var words = RunExec(["pip", "install", "-r", "requirements.txt"], Requirements);
        var script = RunExec(["/bin/sh", "-c", "apk add gcc && pip install -r requirements.txt"], Requirements);
        var literal = RunExec(["echo", "$HOME"]);

        Assert.Equal(StepEffectKind.DependencyInstall, words.Kind);
        Assert.Equal(["requirements.txt"], words.Reads());
        Assert.Equal(StepEffectKind.DependencyInstall, script.Kind);
        Assert.Equal(["apk", "pip"], script.Ecosystems);
        Assert.Equal(StepEffectKind.ReadsNothing, literal.Kind);
    }

    [Theory]
    [InlineData("<<EOF")]
    [InlineData("<<-EOF")]
    [InlineData("sh <<'EOF'")]
    [InlineData("bash -e <<EOF")]
    public void A_heredoc_run_has_its_body_as_the_script(string script)
    {
        var effect = Run(script, Requirements, heredocs: ["set -e\napk add gcc\npip install -r requirements.txt\n"]);

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Equal(["requirements.txt"], effect.Reads());
    }

    [Fact]
    public void A_heredoc_with_a_shebang_runs_with_that_interpreter()
    {
        Assert.Equal(StepEffectKind.Unknown, Run("<<EOF", heredocs: ["#!/usr/bin/env python3\nprint('hi')\n"]).Kind);
        Assert.Equal(StepEffectKind.ReadsNothing, Run("<<EOF", heredocs: ["#!/bin/bash\nset -e\napt-get update\n"]).Kind);
    }

    [Fact]
    public void A_heredoc_written_to_a_file_is_not_a_script()
    {
        var effect = Run("cat <<EOF > /etc/app.conf", heredocs: ["make everything\n"]);

        Assert.Equal(StepEffectKind.ReadsNothing, effect.Kind);
        Assert.Equal(["/etc/app.conf"], effect.Writes);
        Assert.Equal(StepEffectKind.Unknown, Run("python3 <<EOF", heredocs: ["print(1)\n"]).Kind);
    }

    [Theory]
    [InlineData("type=cache,target=/root/.cache/pip")]
    [InlineData("type=secret,id=npmrc,target=/root/.npmrc")]
    [InlineData("type=ssh")]
    [InlineData("type=tmpfs,target=/tmp")]
    [InlineData("type=bind,from=builder,source=/out,target=/in")]
    public void Mounts_that_do_not_come_from_the_context_change_nothing(string mount)
    {
        var effect = Run("pip install -r requirements.txt", Requirements, mounts: [mount]);

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Equal(["requirements.txt"], effect.Reads());
        Assert.Empty(effect.ContextMounts);
    }

    [Theory]
    [InlineData("type=bind,target=/src", "`--mount=type=bind` mounts the build context at `/src`")]
    [InlineData("type=bind,source=.,target=/src", "`--mount=type=bind` mounts the build context at `/src`")]
    [InlineData("type=bind,source=src,target=/src", "`--mount=type=bind,source=src` mounts `src` from the build context")]
    public void Binding_the_context_needs_the_source(string mount, string reason)
    {
        var effect = Run("go build -o /out ./...", mounts: [mount]);

        Assert.Equal(StepEffectKind.NeedsSource, effect.Kind);
        Assert.Equal(reason, effect.Reason);
    }

    [Fact]
    public void Binding_only_manifests_reads_them_from_the_context_not_the_image()
    {
        var effect = Run(
            "npm ci",
            new Dictionary<string, string> { ["package.json"] = "{}" },
            mounts: ["type=bind,source=package.json,target=package.json", "type=bind,source=package-lock.json,target=package-lock.json", "type=cache,target=/root/.npm"]);

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Equal(["package.json", "package-lock.json"], effect.ContextMounts);
        Assert.Equal(["npm-shrinkwrap.json?", ".npmrc?"], effect.Reads());
        Assert.True(effect.Unverified);
    }

    [Theory]
    [InlineData("find /usr/local -depth -type d -name __pycache__ -exec rm -rf '{}' +", StepEffectKind.ReadsNothing)]
    [InlineData("find . -name '*.pyc' -delete", StepEffectKind.NeedsSource)]
    [InlineData("find /opt -type f | xargs chmod +x", StepEffectKind.Unknown)]
    [InlineData("[ \"$REQ\" = requirements/dev.txt ] && echo dev", StepEffectKind.ReadsNothing)]
    [InlineData("test -f manage.py && echo django", StepEffectKind.NeedsSource)]
    [InlineData("echo 1.2.3 | tr -d '.'", StepEffectKind.ReadsNothing)]
    [InlineData("head -n 1 /etc/os-release | cut -d = -f 2", StepEffectKind.ReadsNothing)]
    [InlineData("tail -n 5 app.log", StepEffectKind.NeedsSource)]
    [InlineData("sort -o sorted.txt /etc/hosts", StepEffectKind.NeedsSource)]
    [InlineData("curl -sS https://getcomposer.org/installer | php -- --install-dir=/usr/local/bin --filename=composer", StepEffectKind.ReadsNothing)]
    [InlineData("curl -sS https://example.com/installer | php", StepEffectKind.Unknown)]
    [InlineData("curl https://bootstrap.pypa.io/get-pip.py | python", StepEffectKind.ReadsNothing)]
    [InlineData("a2enmod rewrite && phpenmod gd && debconf-set-selections < /tmp/selections", StepEffectKind.ReadsNothing)]
    public void Command_arguments_that_are_not_paths_are_not_read(string script, StepEffectKind kind)
    {
        Assert.Equal(kind, Run(script).Kind);
    }

    [Fact]
    public void An_empty_step_reads_nothing()
    {
        Assert.Equal(StepEffectKind.ReadsNothing, Run(string.Empty).Kind);
        Assert.Equal(StepEffectKind.ReadsNothing, Run("   # just a comment").Kind);
    }

    [Fact]
    public void Random_scripts_never_throw()
    {
        var random = new Random(99);
        string[] pieces = ["pip", "install", "-r", "requirements.txt", "npm", "ci", "&&", "||", ";", "|", "cd", "..", "/", "$X", "'", "\"", "(", ")", "{", "}", "<<EOF", ">", "x", "-e", ".", "sh", "-c", "if", "then", "fi", "$(", "`", "\n"];
        for (var i = 0; i < 2000; i++)
        {
            var script = string.Join(' ', Enumerable.Range(0, random.Next(0, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            var effect = Run(script, Requirements, heredocs: ["echo\n"]);
            Assert.False(string.IsNullOrEmpty(effect.Reason));
        }
    }
}
