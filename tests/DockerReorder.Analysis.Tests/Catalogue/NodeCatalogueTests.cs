using DockerReorder.Analysis.Catalogue;
using static DockerReorder.Analysis.Tests.Catalogue.CatalogueHarness;


namespace DockerReorder.Analysis.Tests.Catalogue;

/// <summary>Node: npm, yarn classic and berry, pnpm, bun, corepack.</summary>
public sealed class NodeCatalogueTests
{
    private const string PlainPackage = """{ "name": "app", "dependencies": { "express": "^4.0.0" }, "scripts": { "start": "node index.js", "build": "tsc" } }""";

    [Fact]
    public void Npm_ci_reads_package_json_its_lock_and_npmrc()
    {
        var effect = Run("npm ci --omit=dev", new Dictionary<string, string> { ["package.json"] = PlainPackage, ["package-lock.json"] = "{}" });

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Equal(["package.json", "package-lock.json?", "npm-shrinkwrap.json?", ".npmrc?"], effect.Reads());
        Assert.Equal(["node_modules"], effect.Writes);
        Assert.Empty(effect.MayRewrite);
        Assert.Equal("`npm ci --omit=dev` installs dependencies from package.json", effect.Reason);
    }

    [Fact]
    public void Npm_install_may_rewrite_the_lock_file()
    {
        var effect = Run("npm install", new Dictionary<string, string> { ["package.json"] = PlainPackage });

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Equal(["package-lock.json"], effect.MayRewrite);
    }

    [Theory]
    [InlineData("postinstall")]
    [InlineData("prepare")]
    [InlineData("preinstall")]
    [InlineData("install")]
    public void A_lifecycle_script_runs_project_code(string script)
    {
        var package = $$"""{ "scripts": { "{{script}}": "node scripts/setup.js" } }""";

        var effect = Run("npm ci", new Dictionary<string, string> { ["package.json"] = package });

        Assert.Equal(StepEffectKind.NeedsSource, effect.Kind);
        Assert.Equal($"`npm ci` runs the `{script}` script of `package.json`, which runs project code", effect.Reason);
    }

    [Fact]
    public void Ignore_scripts_makes_lifecycle_scripts_harmless()
    {
        var package = """{ "scripts": { "postinstall": "node x.js" } }""";

        Assert.Equal(StepEffectKind.DependencyInstall, Run("npm ci --ignore-scripts", new Dictionary<string, string> { ["package.json"] = package }).Kind);
    }

    [Theory]
    [InlineData("""{ "dependencies": { "shared": "file:../shared" } }""", "installs `shared@file:../shared` from the working directory")]
    [InlineData("""{ "devDependencies": { "tool": "link:./tools/tool" } }""", "installs `tool@link:./tools/tool` from the working directory")]
    [InlineData("""{ "workspaces": ["packages/*"] }""", "installs the workspaces declared in `package.json`, whose folders the analysis cannot list")]
    public void Local_dependencies_and_workspaces_need_the_source(string package, string why)
    {
        var effect = Run("npm ci", new Dictionary<string, string> { ["package.json"] = package });

        Assert.Equal(StepEffectKind.NeedsSource, effect.Kind);
        Assert.Equal("`npm ci` " + why, effect.Reason);
    }

    [Fact]
    public void A_native_addon_of_the_project_is_built_at_install()
    {
        var effect = Run("npm ci", new Dictionary<string, string> { ["package.json"] = "{}", ["binding.gyp"] = "{}" });

        Assert.Equal(StepEffectKind.NeedsSource, effect.Kind);
    }

    [Fact]
    public void An_unreadable_package_json_is_an_unverified_install()
    {
        var effect = Run("npm ci", contextUnknown: true);

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.True(effect.Unverified);
    }

    [Theory]
    [InlineData("npm i -g pnpm@8")]
    [InlineData("npm install -g npm@latest typescript")]
    [InlineData("yarn global add serve")]
    [InlineData("pnpm add -g turbo")]
    [InlineData("corepack enable")]
    [InlineData("corepack prepare pnpm@8.15.0 --activate")]
    [InlineData("npm cache clean --force")]
    [InlineData("npm config set registry https://registry.example.com")]
    public void Global_tools_and_configuration_read_nothing(string script)
    {
        Assert.Equal(StepEffectKind.ReadsNothing, Run(script).Kind);
    }

    [Theory]
    [InlineData("npm run build")]
    [InlineData("npm test")]
    [InlineData("yarn build")]
    [InlineData("pnpm run build")]
    [InlineData("npm install express")]
    [InlineData("npx prisma generate")]
    [InlineData("npm install -g")]
    public void Builds_scripts_and_package_changes_need_the_source(string script)
    {
        Assert.Equal(StepEffectKind.NeedsSource, Run(script, new Dictionary<string, string> { ["package.json"] = PlainPackage }).Kind);
    }

    [Fact]
    public void Yarn_classic_frozen_lockfile_leaves_the_lock_alone()
    {
        var files = new Dictionary<string, string> { ["package.json"] = PlainPackage, ["yarn.lock"] = "" };

        var frozen = Run("yarn install --frozen-lockfile --production", files);
        var plain = Run("yarn", files);

        Assert.Equal(StepEffectKind.DependencyInstall, frozen.Kind);
        Assert.Equal(["package.json", "yarn.lock?", ".yarnrc?", ".npmrc?", ".yarnclean?"], frozen.Reads());
        Assert.Empty(frozen.MayRewrite);
        Assert.Equal(["yarn.lock"], plain.MayRewrite);
        Assert.Equal(["yarn"], plain.Ecosystems);
    }

    [Fact]
    public void Yarn_berry_reads_its_configuration_and_releases()
    {
        var files = new Dictionary<string, string> { ["package.json"] = """{ "packageManager": "yarn@4.1.0" }""", ["yarn.lock"] = "", [".yarnrc.yml"] = "nodeLinker: node-modules\n" };

        var effect = Run("yarn install --immutable", files);

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Equal(["package.json", "yarn.lock?", ".yarnrc.yml?", ".yarn/releases?/", ".yarn/plugins?/", ".yarn/patches?/", ".yarn/cache?/", ".env.yarn?"], effect.Reads());
        Assert.Contains(".pnp.cjs", effect.Writes);
        Assert.Empty(effect.MayRewrite);
    }

    [Fact]
    public void Yarn_berry_reads_a_release_and_plugins_outside_the_yarn_folder()
    {
        var files = new Dictionary<string, string>
        {
            ["package.json"] = "{}", ["yarn.lock"] = "",
            [".yarnrc.yml"] = "yarnPath: \"tools/yarn.cjs\"\nplugins:\n  - path: .yarn/plugins/a.cjs\n    spec: a\n  - tools/b.cjs\nnodeLinker: pnp\n",
        };

        var reads = Run("yarn install --immutable", files).Reads();

        Assert.Contains("tools/yarn.cjs", reads);
        Assert.Contains("tools/b.cjs", reads);
        Assert.DoesNotContain(".yarn/plugins/a.cjs", reads);
    }

    [Fact]
    public void Yarn_berry_reads_the_environment_files_it_injects()
    {
        // A `?` suffix makes a file optional; without one Yarn fails when it is missing.
        var files = new Dictionary<string, string>
        {
            ["package.json"] = """{ "packageManager": "yarn@4.5.0" }""", ["yarn.lock"] = "",
            [".yarnrc.yml"] = "injectEnvironmentFiles:\n  - .env.ci\n  - .env.local? # optional\nnodeLinker: pnp\n",
        };

        var reads = Run("yarn install --immutable", files).Reads();

        Assert.Contains(".env.ci", reads);
        Assert.Contains(".env.local?", reads);
        Assert.DoesNotContain(".env.yarn?", reads);
        files[".yarnrc.yml"] = "injectEnvironmentFiles: []\n";
        Assert.DoesNotContain(Run("yarn install --immutable", files).Reads(), read => read.StartsWith(".env", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("npm ci", ".npmrc", "registry=https://npm.corp.example/\ncafile=certs/ca.pem\n")]
    [InlineData("npm ci", ".npmrc", "//npm.corp.example/:certfile = ./certs/ca.pem\n")]
    [InlineData("yarn install --frozen-lockfile", ".yarnrc", "cafile \"certs/ca.pem\"\n")]
    [InlineData("yarn install --immutable", ".yarnrc.yml", "networkSettings:\n  \"*.corp.example\":\n    httpsCaFilePath: certs/ca.pem\n")]
    [InlineData("pnpm install --frozen-lockfile", ".npmrc", "cafile=certs/ca.pem\n")]
    [InlineData("bun install --frozen-lockfile", "bunfig.toml", "[install]\ncafile = \"certs/ca.pem\"\n")]
    public void A_certificate_file_the_configuration_names_is_read(string install, string config, string content)
    {
        var files = new Dictionary<string, string> { ["package.json"] = "{}", [config] = content };

        var reads = Run(install, files).Reads();

        Assert.Contains(reads, read => read is "certs/ca.pem");
    }

    [Fact]
    public void A_project_user_config_is_read()
    {
        var files = new Dictionary<string, string> { ["package.json"] = "{}", ["package-lock.json"] = "{}", [".npmrc.ci"] = "registry=https://npm.corp.example/\n" };

        Assert.Contains(".npmrc.ci?", Run("npm ci --userconfig .npmrc.ci", files).Reads());
        Assert.Contains(".npmrc.ci?", Run("npm ci", files, environment: new Dictionary<string, string> { ["NPM_CONFIG_USERCONFIG"] = "/app/.npmrc.ci" }).Reads().Select(read => read.TrimStart('/').Replace("app/", string.Empty, StringComparison.Ordinal)));
        Assert.DoesNotContain(Run("npm ci", files, environment: new Dictionary<string, string> { ["NPM_CONFIG_USERCONFIG"] = "/root/.npmrc" }).Reads(), read => read.Contains("npmrc.ci", StringComparison.Ordinal) || read.Contains("root", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pnpmfile_loading_project_files_needs_the_source()
    {
        var files = new Dictionary<string, string>
        {
            ["package.json"] = "{}", ["pnpm-lock.yaml"] = "", [".pnpmfile.cjs"] = "const pins = require(\"./tools/pins\")\nmodule.exports = { hooks: {} }\n",
        };

        var effect = Run("pnpm install --frozen-lockfile", files);

        Assert.Equal(StepEffectKind.NeedsSource, effect.Kind);
        Assert.Contains("./tools/pins", effect.Reason, StringComparison.Ordinal);
        files[".pnpmfile.cjs"] = "const semver = require('semver')\nmodule.exports = { hooks: {} }\n";
        Assert.Equal(StepEffectKind.DependencyInstall, Run("pnpm install --frozen-lockfile", files).Kind);
        files[".npmrc"] = "pnpmfile=config/pnpm-hooks.cjs\n";
        Assert.Contains("config/pnpm-hooks.cjs", Run("pnpm install --frozen-lockfile", files).Reads());
    }

    [Fact]
    public void Pnpm_frozen_install_and_fetch()
    {
        var files = new Dictionary<string, string> { ["package.json"] = PlainPackage, ["pnpm-lock.yaml"] = "" };

        var install = Run("pnpm install --frozen-lockfile --prod", files);
        var fetch = Run("pnpm fetch --prod", files);

        Assert.Equal(StepEffectKind.DependencyInstall, install.Kind);
        Assert.Equal(["package.json", "pnpm-lock.yaml?", "pnpm-workspace.yaml?", ".npmrc?", ".pnpmfile.cjs?"], install.Reads());
        Assert.Empty(install.MayRewrite);
        Assert.Equal(StepEffectKind.DependencyInstall, fetch.Kind);
        Assert.Equal(["pnpm-lock.yaml", "pnpm-workspace.yaml?", ".npmrc?", ".pnpmfile.cjs?"], fetch.Reads());
    }

    [Fact]
    public void A_pnpm_workspace_needs_the_source()
    {
        var files = new Dictionary<string, string> { ["package.json"] = "{}", ["pnpm-workspace.yaml"] = "packages:\n  - 'apps/*'\n" };

        Assert.Equal(StepEffectKind.NeedsSource, Run("pnpm install --frozen-lockfile", files).Kind);
    }

    [Fact]
    public void Bun_frozen_install_reads_both_lock_formats()
    {
        var effect = Run("bun install --frozen-lockfile", new Dictionary<string, string> { ["package.json"] = "{}" });

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Equal(
            ["package.json", "bun.lockb?", "bun.lock?", ".npmrc?", "bunfig.toml?", ".env?", ".env.development?", ".env.production?", ".env.test?",
             ".env.local?", ".env.development.local?", ".env.production.local?", ".env.test.local?"],
            effect.Reads());
        Assert.Empty(effect.MayRewrite);
    }

    [Fact]
    public void Bun_install_reads_the_environment_files_of_its_node_env()
    {
        var files = new Dictionary<string, string> { ["package.json"] = "{}" };

        Assert.Equal(
            [".env?", ".env.production?", ".env.local?", ".env.production.local?"],
            Run("NODE_ENV=production bun install", files).Reads().Where(read => read.StartsWith(".env", StringComparison.Ordinal)));
        Assert.Equal(
            [".env?", ".env.test?", ".env.test.local?"],
            Run("NODE_ENV=test bun install", files).Reads().Where(read => read.StartsWith(".env", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_prefix_or_a_cd_moves_the_manifests()
    {
        var files = new Dictionary<string, string> { ["frontend/package.json"] = "{}" };

        Assert.Equal("frontend/package.json", Run("npm ci --prefix frontend", files).Reads[0].Path);
        Assert.Equal("frontend/package.json", Run("cd frontend && npm ci", files).Reads[0].Path);
        Assert.Equal("/srv/web/package.json", Run("cd /srv/web && npm ci", files).Reads[0].Path);
        Assert.Equal("package.json", Run("cd /app && npm ci", files).Reads[0].Path);
    }

    [Fact]
    public void Patch_files_are_read_wherever_the_package_manager_names_them()
    {
        var bun = Run("bun install --frozen-lockfile", new Dictionary<string, string>
        {
            ["package.json"] = """{ "dependencies": { "a": "1.0.0" }, "patchedDependencies": { "a@1.0.0": "patches/a@1.0.0.patch" } }""",
        });
        var pnpm = Run("pnpm install --frozen-lockfile", new Dictionary<string, string>
        {
            ["package.json"] = PlainPackage,
            ["pnpm-workspace.yaml"] = "onlyBuiltDependencies:\n  - esbuild\npatchedDependencies:\n  a@1.0.0: patches/a.patch # why\n  '@s/b@2.0.0': \"patches/b.patch\"\nshamefullyHoist: true\n",
        });
        var yarn = Run("yarn install --immutable", new Dictionary<string, string>
        {
            ["package.json"] = """{ "dependencies": { "t": "patch:t@npm%3A5.0.0#optional!builtin<compat/typescript>", "a": "patch:a@npm%3A1.0.0#./.yarn/patches/a.patch" }, "resolutions": { "b": "patch:b@npm%3A2.0.0#~/patches/b.patch" } }""",
            [".yarnrc.yml"] = "nodeLinker: node-modules\n",
        });

        Assert.Equal(StepEffectKind.DependencyInstall, bun.Kind);
        Assert.Contains("patches/a@1.0.0.patch", bun.Reads());
        Assert.Equal(StepEffectKind.DependencyInstall, pnpm.Kind);
        Assert.Contains("patches/a.patch", pnpm.Reads());
        Assert.Contains("patches/b.patch", pnpm.Reads());
        Assert.Equal(StepEffectKind.DependencyInstall, yarn.Kind);
        Assert.Contains("patches/b.patch", yarn.Reads());
        Assert.DoesNotContain(".yarn/patches/a.patch", yarn.Reads());
        Assert.Contains(".yarn/patches?/", yarn.Reads());
    }

    [Fact]
    public void A_local_resolution_or_override_needs_the_source()
    {
        var effect = Run("yarn install --frozen-lockfile", new Dictionary<string, string>
        {
            ["package.json"] = """{ "dependencies": { "a": "1.0.0" }, "resolutions": { "a": "file:./vendor/a" } }""",
        });

        Assert.Equal(StepEffectKind.NeedsSource, effect.Kind);
    }

    [Fact]
    public void Yarn_classic_reads_the_release_its_yarnrc_names()
    {
        var effect = Run("yarn install --frozen-lockfile", new Dictionary<string, string>
        {
            ["package.json"] = PlainPackage,
            [".yarnrc"] = "# yarn lockfile v1\nyarn-path \".yarn/releases/yarn-1.22.19.cjs\"\nyarn-offline-mirror \"./npm-packages-offline-cache\"\n",
        });

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Contains(".yarn/releases/yarn-1.22.19.cjs", effect.Reads());
        Assert.Contains("npm-packages-offline-cache?/", effect.Reads());
    }
}
