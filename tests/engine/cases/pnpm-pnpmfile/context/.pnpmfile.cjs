// Pins a transitive dependency for every install.
function readPackage(pkg) {
  if (pkg.dependencies && pkg.dependencies['debug']) pkg.dependencies['debug'] = '4.3.4'
  return pkg
}

module.exports = { hooks: { readPackage } }
