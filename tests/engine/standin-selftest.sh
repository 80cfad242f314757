#!/bin/sh
# Checks the stand-in package managers inside the base image: each reads the files the real
# tool reads, fails like it when one is missing, writes where it writes, and does so
# deterministically. Run: docker run --rm --network none -v $PWD/standin-selftest.sh:/t.sh:ro docker-reorder/base sh /t.sh
# Only inside the stand-in image: on a real machine it would run the real pip, npm, mvn... and delete /w.
if [ ! -f /usr/local/lib/standin/lib.sh ]; then
  echo "standin-selftest.sh: run it inside the base image (see the line above), not on this machine" >&2
  exit 2
fi
failures=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; failures=$((failures + 1)); }
# expect_fail TEXT CMD...: the command fails and its output contains TEXT.
expect_fail() {
  text="$1"; shift
  if out="$("$@" 2>&1)"; then bad "$* succeeded; expected failure with: $text"
  elif echo "$out" | grep -qF -- "$text"; then ok "$* fails: $text"
  else bad "$* failed without '$text': $out"; fi
}
expect_ok() { if out="$("$@" 2>&1)"; then ok "$*"; else bad "$* failed: $out"; fi; }
expect_file() { if [ -e "$1" ]; then ok "wrote $1"; else bad "missing $1"; fi; }
expect_no_file() { if [ -e "$1" ]; then bad "unexpected $1"; else ok "no $1"; fi; }
fresh() { rm -rf "/w/$1"; mkdir -p "/w/$1"; cd "/w/$1" || exit 2; }

# The base image is pristine: nothing a build wrote (make-base-image must never tag a built image).
for d in /app /src /w /usr/share/standin-packages /usr/local/lib/python3; do expect_no_file "$d"; done

fresh pip
expect_fail "No such file or directory: 'c.txt'" env PIP_CONSTRAINT=c.txt pip install flask
expect_fail "Could not open requirements file" pip install -r requirements.txt
printf -- '-r base.txt\nflask==3.0.0  # web\n' >requirements.txt; echo 'requests>=2.31' >base.txt
expect_ok pip install --no-cache-dir -r requirements.txt
expect_file /usr/local/lib/python3/site-packages/requests/__init__.py
expect_file /usr/local/lib/python3/site-packages/flask-3.0.0.dist-info/METADATA
expect_ok pip wheel --no-deps --wheel-dir /w/wheels -r requirements.txt
expect_file /w/wheels/requests/__init__.py
rm -rf /w/wheels
printf 'six==1.16.0' >last-line.txt
expect_ok pip install -r last-line.txt
expect_file /usr/local/lib/python3/site-packages/six/__init__.py
echo '-e .' >>requirements.txt
expect_fail "neither 'setup.py' nor 'pyproject.toml' found" pip install -r requirements.txt
expect_fail "neither 'setup.py' nor 'pyproject.toml' found" pip install .
printf '[project]\nname = "shop"\n' >pyproject.toml; mkdir shop; echo 'x = 1' >shop/__init__.py
expect_ok pip install .
expect_file /usr/local/lib/python3/site-packages/shop/shop/__init__.py
printf '[global]\nindex-url = https://pypi.example.com/simple\n' >pip.conf
expect_ok env PIP_CONFIG_FILE=pip.conf pip install six==1.16.0
grep -q 'Index: https://pypi.example.com/simple' /usr/local/lib/python3/site-packages/six-1.16.0.dist-info/METADATA && ok "PIP_CONFIG_FILE's index is recorded" || bad "PIP_CONFIG_FILE's index not recorded"
expect_ok python -m venv /venv
expect_ok /venv/bin/pip install gunicorn
expect_file /venv/lib/python3/site-packages/gunicorn/__init__.py
expect_fail "can't open file" python manage.py collectstatic
fresh pip-file-url
printf -- '-r file:base.txt\nflask==3.0.0\n' >requirements.txt
expect_fail "No such file or directory: 'base.txt'" pip install -r file:requirements.txt
echo 'idna==3.7' >base.txt
expect_fail "No such file or directory: '/w/pip-file-url/c.txt'" pip install -r file:requirements.txt -c file:///w/pip-file-url/c.txt
echo 'idna==3.7' >c.txt
expect_ok pip install -r file:requirements.txt -c file:///w/pip-file-url/c.txt
expect_file /usr/local/lib/python3/site-packages/idna-3.7.dist-info/METADATA

fresh pip-sync
expect_fail "Path 'requirements.txt' does not exist" pip-sync
printf 'idna==3.7\n' >requirements.txt; printf -- '-c requirements.txt\niniconfig==2.0.0\n' >dev.txt
expect_ok pip-sync requirements.txt dev.txt --pip-args '--no-cache-dir --no-deps'
expect_file /usr/local/lib/python3/site-packages/iniconfig/__init__.py

fresh apk
expect_ok apk add --no-cache --virtual .build gcc musl-dev
expect_file /usr/share/standin-packages/apk/gcc
expect_ok apk del .build
expect_no_file /usr/share/standin-packages/apk/gcc
rm -rf /var/lib/apt/lists/*
expect_fail "Unable to locate package curl" apt-get install -y curl
expect_ok apt-get update
expect_ok apt-get install -y --no-install-recommends curl
expect_file /usr/share/standin-packages/apt/curl

fresh npm
expect_fail "Could not read package.json" npm ci
printf '{"name":"a","version":"1.0.0","dependencies":{"express":"^4"},"devDependencies":{"jest":"29"},"scripts":{"postinstall":"echo ran > post.txt"}}' >package.json
expect_fail "can only install with an existing package-lock.json" npm ci
expect_ok npm install
expect_file package-lock.json
expect_file node_modules/express/package.json
expect_file post.txt
echo '{"packages":{"node_modules/express":{}}}' >package-lock.json
expect_fail "are in sync" npm ci
expect_ok npm install
expect_ok npm ci --omit=dev --ignore-scripts
expect_no_file node_modules/jest
expect_fail 'Missing script: "build"' npm run build
printf 'registry=https://npm.corp.example/\ncafile=certs/corp-ca.pem\n' >.npmrc
expect_fail "SELF_SIGNED_CERT_IN_CHAIN" npm install
mkdir -p certs && echo CA >certs/corp-ca.pem
expect_ok npm install
rm -r .npmrc certs
expect_ok npm install -g pm2
expect_file /usr/local/lib/node_modules/pm2/package.json
expect_file /usr/local/bin/pm2
expect_ok env NPM_CONFIG_PREFIX="$(pwd)/.npm-global" npm install -g serve
expect_file .npm-global/bin/serve
expect_ok npm install -g --prefix "$(pwd)/g2" nodemon
expect_file g2/lib/node_modules/nodemon/package.json
fresh npm-prisma
printf '{"name":"p","version":"1.0.0","dependencies":{"@prisma/client":"^5"}}' >package.json
expect_ok npm install
grep -q "did not initialize yet" node_modules/.prisma/client/index.js && ok "stub client without a schema" || bad "no stub client"
mkdir prisma; echo 'model User { id Int @id }' >prisma/schema.prisma
expect_ok npm ci
expect_file node_modules/.prisma/client/schema.prisma
expect_fail "frozen-lockfile" yarn install --frozen-lockfile
expect_ok yarn install
expect_file yarn.lock
cp yarn.lock yarn.lock.before; echo '# edited' >>yarn.lock
expect_ok yarn workspaces focus --all --production
grep -q '# edited' yarn.lock && ok "workspaces focus leaves yarn.lock alone" || bad "workspaces focus rewrote yarn.lock"
mv yarn.lock.before yarn.lock
expect_fail "pnpm-lock.yaml is absent" pnpm install --frozen-lockfile
printf 'patchedDependencies:\n  express@4.0.0: patches/express.patch # local fix\n' >pnpm-workspace.yaml
expect_fail "Patch file not found" pnpm install
mkdir -p patches && echo fix >patches/express.patch
expect_ok pnpm install
expect_file node_modules/.pnpm/patches
rm pnpm-workspace.yaml
printf 'yarn-path ".yarn/releases/yarn-1.22.19.cjs"\n' >.yarnrc
expect_fail "Cannot find module" yarn install
mkdir -p .yarn/releases && echo yarn >.yarn/releases/yarn-1.22.19.cjs
expect_ok yarn install
rm -r .yarnrc .yarn
printf 'npmRegistryServer: "${ACME_REGISTRY}"\n' >.yarnrc.yml
expect_fail "Environment variable not found (ACME_REGISTRY)" yarn install
echo 'ACME_REGISTRY=https://npm.acme.example' >.env.yarn
expect_ok yarn install
expect_file node_modules/.yarn-state.yml
rm .yarnrc.yml .env.yarn
printf 'yarnPath: .yarn/releases/yarn-4.5.1.cjs\n' >.yarnrc.yml
expect_fail "yarn-path" yarn install
mkdir -p .yarn/releases && echo yarn >.yarn/releases/yarn-4.5.1.cjs
expect_ok yarn install
expect_file .yarn/install-state.gz
rm -r .yarnrc.yml .yarn
printf "const pins = require('./tools/pins.cjs')\nmodule.exports = { hooks: {} }\n" >.pnpmfile.cjs
expect_fail "Cannot find module './tools/pins.cjs'" pnpm install
mkdir -p tools && echo 'module.exports = {}' >tools/pins.cjs
expect_ok pnpm install
rm -r .pnpmfile.cjs tools

fresh bun
expect_fail "could not find a package.json" bun install
echo '{"name":"b","dependencies":{"hono":"^4.6.0"},"patchedDependencies":{"hono@4.6.0":"patches/hono@4.6.0.patch"},"workspaces":["packages/shared"]}' >package.json
expect_fail "lockfile is frozen" bun install --frozen-lockfile
printf '{"packages":{"hono":["hono@4.6.0"]}}\n' >bun.lock
expect_fail "Workspace not found" bun install --frozen-lockfile
mkdir -p packages/shared && echo '{"name":"shared"}' >packages/shared/package.json
expect_fail "Couldn't find patch file" bun install --frozen-lockfile
mkdir -p patches && echo fix >patches/hono@4.6.0.patch
expect_ok bun install --frozen-lockfile
expect_file node_modules/hono/package.json
expect_file node_modules/.bun-patches/applied
expect_ok bun install
expect_file bun.lock
printf '[install]\nregistry = { url = "https://npm.acme.example/", token = "$acme_token" }\n' >bunfig.toml
expect_fail "401" bun install
echo 'acme_token=abc' >.env
expect_ok bun install
rm bunfig.toml .env

fresh go
expect_fail "go.mod file not found" go mod download
printf 'module example.com/x\n\ngo 1.22\n\nrequire github.com/a/b v1.2.3\n' >go.mod
expect_ok go mod download
expect_file /go/pkg/mod/github.com/a/b@v1.2.3/go.mod
expect_fail "no Go files" go build -o /out/x .
expect_ok go get github.com/c/d@v0.4.0 github.com/a/b@v1.3.0
expect_file /go/pkg/mod/github.com/c/d@v0.4.0/go.mod
if grep -q '^require github.com/c/d v0.4.0$' go.mod && grep -q '^require github.com/a/b v1.3.0$' go.mod && ! grep -q 'v1.2.3' go.mod && grep -q '^github.com/c/d v0.4.0 ' go.sum; then ok "go get records the requirements in go.mod and go.sum"; else bad "go get left go.mod: $(cat go.mod) go.sum: $(cat go.sum)"; fi
rm go.mod go.sum
expect_fail "no longer supported outside a module" go get github.com/c/d@v0.4.0

fresh bundle
expect_fail "Could not locate Gemfile" bundle install
printf 'gem "rack", "3.0.0"\n' >Gemfile
expect_fail "requires a Gemfile.lock" bundle install --deployment
expect_ok bundle install
expect_file Gemfile.lock
expect_ok bundle install --deployment
expect_file vendor/bundle/ruby/3.3.0/gems/rack-3.0.0/lib/rack.rb
printf 'GEM\n  specs:\n    rack (3.0.0)\n\nPLATFORMS\n  arm64-darwin-23\n\nDEPENDENCIES\n  rack\n' >Gemfile.lock
expect_ok bundle install --deployment
if grep -q '^  x86_64-linux$' Gemfile.lock; then bad "bundle install --deployment rewrote Gemfile.lock"; else ok "a frozen install leaves a Mac lock alone"; fi
expect_ok bundle install
if grep -q '^  x86_64-linux$' Gemfile.lock; then ok "bundle install adds the build's platform to a Mac lock"; else bad "bundle install left Gemfile.lock: $(cat Gemfile.lock)"; fi
printf 'ruby File.read(".ruby-version").strip\ngem "rack", "3.0.0"\n' >Gemfile
expect_fail "rb_sysopen - .ruby-version" bundle install
echo 3.3.0 >.ruby-version
expect_fail "Could not find gem 'rack' in locally installed gems" bundle install --local
mkdir -p vendor/cache && echo gem >vendor/cache/rack-3.0.0.gem && echo old >vendor/cache/old-1.0.gem
expect_ok bundle install --local
expect_file vendor/cache/rack-3.0.0.gem
expect_no_file vendor/cache/old-1.0.gem

fresh composer
expect_fail "could not find a composer.json" composer install
echo '{"require":{"monolog/monolog":"^3"},"scripts":{"post-install-cmd":"php artisan package:discover"}}' >composer.json
expect_fail "Could not open input file: artisan" composer install
expect_file composer.lock
expect_ok composer install --no-scripts
expect_file vendor/monolog/monolog/composer.json
echo '{"require":{"cweagans/composer-patches":"^1.7","monolog/monolog":"^3"},"extra":{"patches":{"monolog/monolog":{"fix":"patches/m.patch"}}}}' >composer.json
expect_ok composer install --no-scripts
expect_no_file vendor/monolog/monolog/PATCHES.txt
mkdir -p patches && echo fix >patches/m.patch
expect_ok composer install --no-scripts
expect_file vendor/monolog/monolog/PATCHES.txt
rm -r vendor
echo '{"require":{"cweagans/composer-patches":"^2.0","monolog/monolog":"^3"}}' >composer.json
echo '{"patches":{"monolog/monolog":{"fix":"patches/two.patch"}}}' >patches.json
expect_ok composer install --no-scripts
expect_no_file vendor/monolog/monolog/PATCHES.txt
echo fix >patches/two.patch
expect_ok composer install --no-scripts
expect_file vendor/monolog/monolog/PATCHES.txt
rm -r vendor patches.json
echo '{"_hash":"x","patches":{"monolog/monolog":[{"package":"monolog/monolog","url":"patches/m.patch"}]}}' >patches.lock.json
expect_ok composer install --no-scripts
expect_file vendor/monolog/monolog/PATCHES.txt
rm patches.lock.json
echo '{"require":{"symfony/flex":"^2","symfony/framework-bundle":"7.1.*"}}' >composer.json
echo '{"symfony/framework-bundle": {"version": "7.1"}}' >symfony.lock
expect_ok composer install --no-scripts
expect_no_file config/packages/framework-bundle.yaml
rm symfony.lock
expect_ok composer install --no-scripts
expect_file config/packages/framework-bundle.yaml

fresh dotnet
expect_fail "MSB1003" dotnet restore
printf 'Project("{X}") = "Api", "src\\Api\\Api.csproj", "{1}"\nEndProject\n' >App.sln
expect_fail "MSB3202" dotnet restore
mkdir -p src/Api; printf '<Project><ItemGroup><PackageReference Include="Dapper" /></ItemGroup></Project>\n' >src/Api/Api.csproj
expect_fail "NU1015" dotnet restore
printf '<Project><ItemGroup><PackageVersion Include="Dapper" Version="2.1.0" /></ItemGroup></Project>\n' >Directory.Packages.props
expect_ok dotnet restore
expect_file src/Api/obj/project.assets.json
expect_file /root/.nuget/packages/dapper/2.1.0/dapper.nuspec
rm -rf src/Api/obj
expect_fail "NETSDK1004" dotnet publish src/Api/Api.csproj --no-restore -o /out
# An MSBuild switch is not the project: /p:... after the project keeps it the target.
expect_fail "NETSDK1004" dotnet publish src/Api/Api.csproj --no-restore -o /out /p:UseAppHost=false

fresh dotnet
expect_fail "Cannot find a manifest file" dotnet tool restore
mkdir .config; echo '{"version":1,"isRoot":true,"tools":{"dotnet-ef":{"version":"8.0.0","commands":["dotnet-ef"]}}}' >.config/dotnet-tools.json
expect_ok dotnet tool restore
expect_file /root/.nuget/packages/dotnet-ef/8.0.0/dotnet-ef.nuspec
grep -q '^https://api.nuget.org/v3/index.json$' /root/.nuget/packages/dotnet-ef/8.0.0/.source && ok "tool from nuget.org" || bad "tool source: $(cat /root/.nuget/packages/dotnet-ef/8.0.0/.source)"
printf '<configuration>\n  <packageSources>\n    <clear />\n    <add key="corp" value="https://nuget.corp.example/v3/index.json" />\n  </packageSources>\n</configuration>\n' >NuGet.config
expect_ok dotnet tool restore
grep -q '^https://nuget.corp.example/v3/index.json$' /root/.nuget/packages/dotnet-ef/8.0.0/.source && ok "tool from NuGet.config's feed" || bad "tool source: $(cat /root/.nuget/packages/dotnet-ef/8.0.0/.source)"

fresh pip
printf 'Django==5.0.6\n# a comment\ngunicorn==22.0.0\n' >requirements.txt
expect_ok pip wheel --no-deps --wheel-dir /w/pip/wheels -r requirements.txt
expect_file /w/pip/wheels/django-5.0.6-py3-none-any.whl
expect_file /w/pip/wheels/gunicorn-22.0.0-py3-none-any.whl

fresh mvn
expect_fail "there is no POM in this directory" mvn -B dependency:go-offline
printf '<project><artifactId>d</artifactId><version>1</version><modules><module>core</module></modules></project>' >pom.xml
expect_fail "Child module" mvn -B dependency:go-offline
printf '<project><artifactId>d</artifactId><version>1</version><dependencies><dependency><groupId>g</groupId><artifactId>base</artifactId><version>1</version></dependency></dependencies><profiles><profile><id>p</id><activation><file><exists>${basedir}/src/main/proto</exists></file></activation><dependencies><dependency><groupId>g</groupId><artifactId>proto</artifactId><version>2</version></dependency></dependencies></profile><profile><id>q</id><activation><file><missing>flag</missing></file></activation><dependencies><dependency><groupId>g</groupId><artifactId>noflag</artifactId><version>3</version></dependency></dependencies></profile></profiles></project>' >pom.xml
expect_ok mvn -B dependency:go-offline
expect_file /root/.m2/repository/g/base/1/base-1.jar
expect_no_file /root/.m2/repository/g/proto/2/proto-2.jar
expect_file /root/.m2/repository/g/noflag/3/noflag-3.jar
mkdir -p src/main/proto; touch flag; rm -rf /root/.m2/repository/g
expect_ok mvn -B dependency:go-offline
expect_file /root/.m2/repository/g/proto/2/proto-2.jar
expect_no_file /root/.m2/repository/g/noflag/3/noflag-3.jar

fresh cargo
expect_fail "could not find \`Cargo.toml\`" cargo fetch
printf '[package]\nname = "x"\nversion = "0.1.0"\n\n[dependencies]\nserde = "1.0"\n' >Cargo.toml
expect_fail "no targets specified" cargo fetch
mkdir -p src/bin; echo 'fn main() {}' >src/bin/tool.rs
expect_ok cargo fetch
rm -rf src Cargo.lock
mkdir src; echo 'fn main() {}' >src/main.rs
expect_fail "needs to be updated but --locked" cargo fetch --locked
expect_ok cargo fetch
expect_file Cargo.lock
printf '\n[[bench]]\nname = "perf"\nharness = false\n' >>Cargo.toml
expect_fail "can't find \`perf\` bench at \`benches/perf.rs\`" cargo fetch
mkdir benches; echo 'fn main() {}' >benches/perf.rs
expect_ok cargo fetch
rm -rf src benches; printf '\n[[bin]]\nname = "tool"\npath = "src/bin/tool.rs"\n' >>Cargo.toml
sed -i '/^\[\[bench\]\]/,/^harness/d' Cargo.toml
expect_ok cargo fetch
expect_fail "couldn't read \`src/bin/tool.rs\`" cargo build

fresh poetry
expect_fail "could not find a pyproject.toml" poetry install
printf '[tool.poetry]\nname = "svc"\n\n[tool.poetry.dependencies]\npython = "^3.12"\nfastapi = "^0.110"\n' >pyproject.toml
expect_ok poetry install --no-root
expect_file poetry.lock
expect_fail "No file/folder found for package svc" poetry install
fresh uv
printf '[project]\nname = "tool"\ndependencies = ["httpx>=0.27"]\n' >pyproject.toml
expect_fail "Unable to find lockfile" uv sync --locked
expect_ok uv sync --no-install-project
expect_file .venv/lib/python3/site-packages/httpx/__init__.py
expect_ok uv pip install --system -r pyproject.toml
expect_file /usr/local/lib/python3/site-packages/httpx/__init__.py
printf '[project]\nname = "svc"\ndynamic = ["dependencies"]\n\n[tool.setuptools.dynamic]\ndependencies = { file = ["requirements.txt"] }\n' >pyproject.toml
echo 'rich==13.7.0' >requirements.txt
expect_ok uv pip install --system -r pyproject.toml
expect_file /usr/local/lib/python3/site-packages/rich-13.7.0.dist-info/METADATA
expect_no_file /tmp/uv-standin-requirements.*
fresh uv-workspace
mkdir -p packages/api packages/core
printf '[project]\nname = "api"\ndependencies = ["fastapi"]\n' >packages/api/pyproject.toml
cd packages/api || exit 2
expect_fail "Unable to find lockfile" uv sync --frozen --no-install-project
cd /w/uv-workspace || exit 2
printf '[project]\nname = "ws"\ndependencies = []\n\n[tool.uv.workspace]\nmembers = ["packages/*"]\n' >pyproject.toml; echo 'version = 1' >uv.lock
cd packages/api || exit 2
expect_fail "Workspace member" uv sync --frozen --no-install-project
echo '[project]' >../core/pyproject.toml
expect_ok uv sync --frozen --no-install-project
expect_file /w/uv-workspace/.venv/lib/python3/site-packages/fastapi/__init__.py
expect_no_file /w/uv-workspace/packages/api/.venv
cd /w/uv-workspace || exit 2
mkdir -p packages/legacy; printf '[project]\nname = "legacy"\ndependencies = ["rich"]\n' >packages/legacy/pyproject.toml
sed -i 's|^members = .*|members = ["packages/*"]\nexclude = ["packages/legacy"]|' /w/uv-workspace/pyproject.toml
cd /w/uv-workspace/packages/legacy || exit 2
expect_fail "Unable to find lockfile" uv sync --frozen --no-install-project
echo 'version = 1' >uv.lock
expect_ok uv sync --frozen --no-install-project
expect_file /w/uv-workspace/packages/legacy/.venv/lib/python3/site-packages/rich/__init__.py
fresh mix
expect_fail "Could not find a Mix.Project" mix deps.get
fresh dotnet
printf '<Project>\n  <Import Project="eng/Common.props" />\n</Project>\n' >Directory.Build.props
printf '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup><PackageReference Include="Serilog" Version="3.1.1" /></ItemGroup>\n</Project>\n' >Api.csproj
expect_fail "error MSB4019: The imported project \"/w/dotnet/eng/Common.props\" was not found" dotnet restore Api.csproj
mkdir eng; printf '<Project>\n  <Import Project="$(MSBuildThisFileDirectory)Analyzers.props" Condition="Exists(\x27x\x27)" />\n  <ItemGroup><PackageReference Include="StyleCop.Analyzers" Version="1.1.118" /></ItemGroup>\n</Project>\n' >eng/Common.props
expect_ok dotnet restore Api.csproj
expect_file /root/.nuget/packages/stylecop.analyzers/1.1.118/stylecop.analyzers.nuspec
expect_file /root/.nuget/packages/serilog/3.1.1/serilog.nuspec
fresh gradle
expect_fail "does not contain a Gradle build" gradle build
printf 'include(\n    ":app",\n    ":lib:core",\n)\n' >settings.gradle.kts; mkdir -p app lib/core
echo 'dependencies { implementation("a.b:app-dep:1.0") }' >app/build.gradle.kts
expect_fail "'/w/gradle/lib/core' is not part of the build" gradle dependencies
printf 'apply from: "$rootDir/deps.gradle"\n' >lib/core/build.gradle
expect_fail "Could not read script '/w/gradle/deps.gradle'" gradle dependencies
echo "dependencies { implementation 'a.b:core-dep:2.0' }" >deps.gradle
expect_fail "initialization script '/w/gradle/ci/init.gradle' does not exist" gradle --init-script ci/init.gradle dependencies
expect_ok gradle dependencies
expect_file /root/.gradle/caches/modules-2/files-2.1/a.b/app-dep/1.0/app-dep-1.0.jar
expect_file /root/.gradle/caches/modules-2/files-2.1/a.b/core-dep/2.0/core-dep-2.0.jar
fresh gradle-catalog
printf 'dependencyResolutionManagement {\n  versionCatalogs {\n    create("libs") {\n      from(files("catalogs/libs.versions.toml"))\n    }\n  }\n}\n' >settings.gradle.kts
expect_fail "import of external catalog file failed" gradle dependencies
mkdir catalogs; echo '[versions]' >catalogs/libs.versions.toml
expect_ok gradle dependencies
fresh gradle-lock
printf 'plugins { java }\ndependencyLocking { lockAllConfigurations() }\ndependencies { implementation("a.b:dyn:2.+") }\n' >build.gradle.kts
expect_ok gradle dependencies
expect_file /root/.gradle/caches/modules-2/files-2.1/a.b/dyn/2.99/dyn-2.99.jar
echo 'a.b:dyn:2.0.1=compileClasspath,runtimeClasspath' >gradle.lockfile
expect_ok gradle dependencies
expect_file /root/.gradle/caches/modules-2/files-2.1/a.b/dyn/2.0.1/dyn-2.0.1.jar
rm gradle.lockfile; echo 'dependencyLocking { lockMode = LockMode.STRICT }' >>build.gradle.kts
expect_fail "is locked but does not have lock state" gradle dependencies

fresh dotnet-tool-install
expect_ok dotnet tool install --global dotnet-ef --version 8.0.0
grep -q 'api.nuget.org' /root/.dotnet/tools/.store/dotnet-ef/8.0.0/.source && ok "global tool from nuget.org" || bad "global tool source"
printf '<configuration><packageSources><clear /><add key="corp" value="https://nuget.corp.example/v3/index.json" /></packageSources></configuration>\n' >NuGet.config
expect_ok dotnet tool install -g dotnet-ef --version 8.0.0
grep -q 'nuget.corp.example' /root/.dotnet/tools/.store/dotnet-ef/8.0.0/.source && ok "global tool from NuGet.config's feed" || bad "global tool ignores NuGet.config"

fresh dotnet-workload
expect_fail "MSB1003" dotnet workload restore
printf '<Project>\n  <PropertyGroup>\n    <TargetFramework>net8.0-android</TargetFramework>\n  </PropertyGroup>\n</Project>\n' >Directory.Build.props
printf '<Project Sdk="Microsoft.NET.Sdk">\n</Project>\n' >App.csproj
expect_ok dotnet workload restore
expect_file /usr/share/dotnet/metadata/workloads/android/installed
expect_fail "MSB1009" dotnet workload restore src/Api/Api.csproj
printf '<configuration><packageSources><clear /><add key="corp" value="https://nuget.corp.example/v3/index.json" /></packageSources></configuration>\n' >NuGet.config
expect_ok dotnet workload install wasm-tools
grep -q 'nuget.corp.example' /usr/share/dotnet/metadata/workloads/wasm-tools/.source && ok "workload from NuGet.config's feed" || bad "workload ignores NuGet.config"
rm -rf /usr/share/dotnet/metadata/workloads

fresh pnpm-pin
printf "lockfileVersion: '9.0'\n" >pnpm-lock.yaml
expect_ok pnpm fetch
grep -q '^pnpm@9.15.0 ' /root/.local/share/pnpm/store/index && ok "fetch without a pin runs the default pnpm" || bad "store index: $(cat /root/.local/share/pnpm/store/index)"
echo '{"name":"app","packageManager":"pnpm@9.1.0+sha512.abc"}' >package.json
expect_ok pnpm fetch
grep -q '^pnpm@9.1.0 ' /root/.local/share/pnpm/store/index && ok "fetch runs the pinned pnpm" || bad "store index: $(cat /root/.local/share/pnpm/store/index)"
echo '{"name":"app","packageManager":"yarn@4.1.0"}' >package.json
expect_fail "configured to use yarn" pnpm fetch
rm -rf /root/.local/share/pnpm

fresh npm-workspace
echo '{"name":"root","private":true,"workspaces":["packages/*"]}' >package.json
mkdir -p packages/api packages/web
echo '{"name":"api","version":"1.0.0","dependencies":{"express":"4.19.2"}}' >packages/api/package.json
echo '{"name":"web","version":"1.0.0","dependencies":{"react":"18.0.0"}}' >packages/web/package.json
cd packages/api
expect_fail "can only install with an existing package-lock.json" npm ci
echo '{"lockfileVersion":3,"packages":{"node_modules/express":{},"node_modules/react":{}}}' >../../package-lock.json
expect_ok npm ci
expect_file /w/npm-workspace/node_modules/react/package.json
expect_file /w/npm-workspace/node_modules/api/.workspace-link
expect_no_file node_modules
cd /w/npm-workspace

fresh rustup
expect_fail "no toolchain name given" rustup toolchain install
expect_ok rustup target add wasm32-unknown-unknown
expect_file /usr/local/rustup/toolchains/stable/targets/wasm32-unknown-unknown
printf '[toolchain]\nchannel = "1.80.0"\n' >rust-toolchain.toml
expect_ok rustup toolchain install
expect_file /usr/local/rustup/toolchains/1.80.0/installed
expect_ok rustup component add clippy
expect_file /usr/local/rustup/toolchains/1.80.0/components/clippy
expect_ok rustup +nightly component add miri
expect_file /usr/local/rustup/toolchains/nightly/components/miri

fresh dart
expect_fail 'Could not find a file named "pubspec.yaml"' dart pub get
printf 'name: server\nenvironment:\n  sdk: ^3.5.0\n\ndependencies:\n  shelf: ^1.4.1\n  models:\n    path: packages/models\n' >pubspec.yaml
expect_fail "from path which doesn't exist" dart pub get
mkdir -p packages/models; echo 'name: models' >packages/models/pubspec.yaml
expect_fail "Cannot do \`--enforce-lockfile\` without an existing \`pubspec.lock\`" dart pub get --enforce-lockfile
expect_fail "No package_config.json found" dart compile exe pubspec.yaml -o /w/x
expect_ok dart pub get
expect_file pubspec.lock
expect_file .dart_tool/package_config.json
expect_file /root/.pub-cache/hosted/pub.dev/shelf-^1.4.1/pubspec.yaml
mkdir bin; echo 'void main() {}' >bin/server.dart
expect_ok dart compile exe bin/server.dart -o bin/server
expect_file bin/server
fresh swift
expect_fail "Could not find Package.swift" swift package resolve
printf '// swift-tools-version:5.9\nlet package = Package(\n    name: "hello",\n    dependencies: [\n        .package(url: "https://github.com/vapor/vapor.git", from: "4.99.3"),\n        .package(path: "Packages/Models"),\n    ],\n    targets: [\n        .executableTarget(\n            name: "App"\n        ),\n    ]\n)\n' >Package.swift
expect_fail "cannot be accessed" swift package resolve
mkdir -p Packages/Models; echo '// swift-tools-version:5.9' >Packages/Models/Package.swift
expect_fail "a resolved file is required" swift package resolve --force-resolved-versions
expect_fail "should be located under 'Sources/App'" swift build
mkdir -p Sources/App; echo 'import Vapor' >Sources/App/main.swift
expect_fail "Couldn't fetch https://github.com/vapor/vapor.git" swift build -c release
expect_ok swift package resolve
expect_file Package.resolved
expect_file .build/checkouts/vapor/Package.swift
expect_ok swift build -c release
expect_file .build/release/App

fresh R
echo 'source("R/config.R")' >.Rprofile
expect_fail "cannot open file 'R/config.R'" R -e "install.packages('shiny')"
expect_ok R --vanilla -e "install.packages(c('shiny', 'dplyr'), repos = 'https://cloud.r-project.org')"
expect_file /usr/local/lib/R/site-library/dplyr/DESCRIPTION
rm .Rprofile
expect_ok Rscript -e 'remotes::install_github("rstudio/bslib@v0.8.0")' -e 'BiocManager::install(c("limma"), ask = FALSE)'
expect_file /usr/local/lib/R/site-library/bslib/DESCRIPTION
expect_file /usr/local/lib/R/site-library/limma/DESCRIPTION
expect_ok install2.r --error -n 2 plotly DT
expect_file /usr/local/lib/R/site-library/DT/DESCRIPTION
expect_fail "does not contain a lockfile" R -e "renv::restore()"
printf '{\n  "Packages": {\n    "plumber": {\n      "Package": "plumber",\n      "Version": "1.2.1"\n    }\n  }\n}\n' >renv.lock
expect_fail "there is no package called 'renv'" R -e "renv::restore()"
echo 'source("renv/activate.R")' >.Rprofile
expect_fail "cannot open file 'renv/activate.R'" R -e "renv::restore()"
mkdir renv; echo 'local({})' >renv/activate.R
expect_ok R -e "renv::restore()"
expect_file renv/library/plumber/DESCRIPTION
fresh Rdeps
expect_fail "there is no package called 'remotes'" Rscript -e "remotes::install_deps(dependencies = TRUE)"
expect_ok Rscript -e "install.packages('remotes')"
expect_fail "Could not find R package" Rscript -e "remotes::install_deps(dependencies = TRUE)"
printf 'Package: reportr\nImports:\n    dplyr,\n    ggplot2 (>= 3.4.0)\nRemotes:\n    tidyverse/ggplot2\n' >DESCRIPTION
expect_ok Rscript -e "remotes::install_deps(dependencies = TRUE)"
expect_file /usr/local/lib/R/site-library/ggplot2/DESCRIPTION
expect_fail "no DESCRIPTION" R CMD INSTALL sub
expect_ok R CMD INSTALL .
expect_file /usr/local/lib/R/site-library/reportr/DESCRIPTION

# Determinism: the same inputs give byte-identical trees.
listing() { find "$1" -exec sh -c 'for f; do if [ -f "$f" ]; then echo "$f $(sha256sum <"$f")"; else echo "$f"; fi; done' _ {} + | sed "s|^$1||" | sort; }
for run in 1 2; do
  fresh "det$run"
  printf '{"name":"a","version":"1.0.0","dependencies":{"b":"1","a":"2"}}' >package.json
  npm install >/dev/null 2>&1; yarn install >/dev/null 2>&1
  printf 'module m\n\nrequire (\n\tx.io/a v1.0.0\n)\n' >go.mod
  printf 'gem "b"\ngem "a"\n' >Gemfile; bundle install --path vendor/bundle >/dev/null 2>&1
done
if [ "$(listing /w/det1)" = "$(listing /w/det2)" ]; then ok "two runs wrote identical trees"; else bad "two runs differ"; fi

echo "$failures failure(s)"
[ "$failures" -eq 0 ]
