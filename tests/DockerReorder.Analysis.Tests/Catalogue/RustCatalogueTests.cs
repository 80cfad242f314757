using DockerReorder.Analysis.Catalogue;
using static DockerReorder.Analysis.Tests.Catalogue.CatalogueHarness;


namespace DockerReorder.Analysis.Tests.Catalogue;

/// <summary>Rust: cargo fetch, cargo chef, rustup.</summary>
public sealed class RustCatalogueTests
{
    [Fact]
    public void Cargo_fetch_reads_the_manifest_and_the_target_files_cargo_needs()
    {
        var effect = Run("cargo fetch --locked", new Dictionary<string, string> { ["Cargo.toml"] = "[package]\nname = \"app\"\n[dependencies]\nserde = \"1\"\n" });

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Equal(["Cargo.toml", "Cargo.lock?", ".cargo/config.toml?", ".cargo/config?", "rust-toolchain.toml?", "rust-toolchain?", "src/main.rs?", "src/lib.rs?", "build.rs?"], effect.Reads());
        Assert.Empty(effect.MayRewrite);
    }

    [Theory]
    [InlineData("[workspace]\nmembers = [\"a\"]\n")]
    [InlineData("[dependencies]\nshared = { path = \"../shared\" }\n")]
    public void Cargo_workspaces_and_path_crates_need_the_source(string manifest)
    {
        Assert.Equal(StepEffectKind.NeedsSource, Run("cargo fetch", new Dictionary<string, string> { ["Cargo.toml"] = manifest }).Kind);
    }

    [Theory]
    [InlineData("cargo build --release", StepEffectKind.NeedsSource)]
    [InlineData("cargo install cargo-chef --locked", StepEffectKind.ReadsNothing)]
    [InlineData("cargo chef cook --release --recipe-path recipe.json", StepEffectKind.DependencyInstall)]
    [InlineData("rustup target add x86_64-unknown-linux-musl", StepEffectKind.ReadsNothing)]
    public void Other_cargo_commands(string script, StepEffectKind kind)
    {
        Assert.Equal(kind, Run(script).Kind);
    }

    [Theory]
    [InlineData("[package]\nname = \"app\"\n[patch.crates-io]\nrustls = { path = \"third_party/rustls\" }\n", null)]
    [InlineData("[package]\nname = \"app\"\n[replace]\n\"foo:0.1.0\" = { path = \"foo\" }\n", null)]
    [InlineData("[package]\nname = \"app\"\n", "[source.crates-io]\nreplace-with = \"vendored-sources\"\n[source.vendored-sources]\ndirectory = \"vendor\"\n")]
    [InlineData("[package]\nname = \"app\"\n", "[patch.crates-io]\nfoo = { path = \"../foo\" }\n")]
    public void Cargo_patches_and_vendored_sources_read_local_folders(string manifest, string? config)
    {
        var files = new Dictionary<string, string> { ["Cargo.toml"] = manifest };
        if (config is not null)
        {
            files[".cargo/config.toml"] = config;
        }

        Assert.Equal(StepEffectKind.NeedsSource, Run("cargo fetch", files).Kind);
    }

    [Fact]
    public void Cargo_config_without_local_folders_keeps_the_fetch_an_install()
    {
        var files = new Dictionary<string, string>
        {
            ["Cargo.toml"] = "[package]\nname = \"app\"\n",
            [".cargo/config.toml"] = "[build]\ntarget-dir = \"/tmp/target\"\n[registries.acme]\nindex = \"sparse+https://crates.acme.dev/\"\n",
        };

        Assert.Equal(StepEffectKind.DependencyInstall, Run("cargo fetch", files).Kind);
    }
    [Theory]
    [InlineData("rustup component add clippy rustfmt")]
    [InlineData("rustup target add wasm32-unknown-unknown")]
    [InlineData("rustup toolchain install")]
    [InlineData("cargo install cargo-chef --locked")]
    public void Rustup_commands_on_the_active_toolchain_read_the_toolchain_file(string script)
    {
        var files = new Dictionary<string, string> { ["rust-toolchain.toml"] = "[toolchain]\nchannel = \"1.80.0\"\n" };

        var effect = Run(script, files);

        Assert.Equal(StepEffectKind.DependencyInstall, effect.Kind);
        Assert.Contains("rust-toolchain.toml?", effect.Reads());
        Assert.Equal(StepEffectKind.ReadsNothing, Run(script).Kind);
    }

    [Theory]
    [InlineData("rustup component add clippy --toolchain nightly")]
    [InlineData("rustup +nightly target add wasm32-unknown-unknown")]
    [InlineData("rustup toolchain install 1.80.0 -c clippy")]
    [InlineData("rustup default stable")]
    public void Rustup_naming_its_toolchain_reads_nothing(string script)
    {
        var files = new Dictionary<string, string> { ["rust-toolchain.toml"] = "[toolchain]\nchannel = \"1.80.0\"\n" };

        Assert.Equal(StepEffectKind.ReadsNothing, Run(script, files).Kind);
        Assert.Equal(StepEffectKind.ReadsNothing, Run("rustup component add clippy", files, environment: new Dictionary<string, string> { ["RUSTUP_TOOLCHAIN"] = "stable" }).Kind);
    }
}
