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
}
