using DockerReorder.Analysis.Catalogue;
using static DockerReorder.Analysis.Tests.Catalogue.CatalogueHarness;


namespace DockerReorder.Analysis.Tests.Catalogue;

/// <summary>System package managers with their update and cleanup chains.</summary>
public sealed class SystemPackageCatalogueTests
{
    [Theory]
    [InlineData("apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev && rm -rf /var/lib/apt/lists/*", "apt")]
    [InlineData("apt update && apt upgrade -y && apt-get -o Dpkg::Options::=--force-confold install -y curl && apt-get clean && apt-get autoremove -y", "apt")]
    [InlineData("apk add --no-cache gcc musl-dev", "apk")]
    [InlineData("apk add --no-cache --virtual .build-deps gcc && apk del .build-deps", "apk")]
    [InlineData("apk update && apk upgrade", "apk")]
    [InlineData("yum install -y gcc && yum clean all", "yum")]
    [InlineData("dnf -y install --setopt=install_weak_deps=False python3 && dnf clean all", "dnf")]
    [InlineData("microdnf install -y tar gzip && microdnf clean all", "microdnf")]
    [InlineData("zypper --non-interactive install -y curl && zypper clean -a", "zypper")]
    public void System_package_installs_read_nothing(string script, string ecosystem)
    {
        var effect = Run(script);

        Assert.Equal(StepEffectKind.ReadsNothing, effect.Kind);
        Assert.Equal(ecosystem, effect.Ecosystems[0]);
        Assert.Empty(effect.Reads);
        Assert.Contains("/usr/lib", effect.Writes);
    }

    [Fact]
    public void Php_extension_scripts_read_nothing()
    {
        var effect = Run("docker-php-ext-install pdo_mysql zip && pecl install redis && docker-php-ext-enable redis");

        Assert.Equal(StepEffectKind.ReadsNothing, effect.Kind);
        Assert.Contains("/usr/local/lib/php", effect.Writes);
    }

    [Fact]
    public void Apt_update_writes_the_package_lists()
    {
        Assert.Equal(["/var/lib/apt/lists"], Run("apt-get update").Writes);
        Assert.DoesNotContain("/usr", Run("apt-get install -y curl").Writes);
    }

    [Theory]
    [InlineData("apt-get install -y ./local.deb", "`apt-get install -y ./local.deb` reads `local.deb` from the working directory")]
    [InlineData("apk add --allow-untrusted packages/x.apk", "`apk add --allow-untrusted packages/x.apk` reads `packages/x.apk` from the working directory")]
    [InlineData("dpkg -i app.deb", "`dpkg -i app.deb` reads `app.deb` from the working directory")]
    public void A_package_file_from_the_working_directory_needs_the_source(string script, string reason)
    {
        var effect = Run(script);

        Assert.Equal(StepEffectKind.NeedsSource, effect.Kind);
        Assert.Equal(reason, effect.Reason);
    }

    [Fact]
    public void A_package_file_downloaded_to_an_absolute_path_reads_nothing()
    {
        var effect = Run("curl -fsSL -o /tmp/x.deb https://example.com/x.deb && apt-get install -y /tmp/x.deb && rm /tmp/x.deb");

        Assert.Equal(StepEffectKind.ReadsNothing, effect.Kind);
        Assert.Contains("/tmp/x.deb", effect.Writes);
    }

    [Fact]
    public void Unknown_subcommands_are_unknown()
    {
        Assert.Equal(StepEffectKind.Unknown, Run("apt-get source nginx").Kind);
        Assert.Equal(StepEffectKind.Unknown, Run("apk").Kind);
    }
}
