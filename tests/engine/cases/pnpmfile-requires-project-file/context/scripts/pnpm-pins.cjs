module.exports = { pinnedVersions: { 'qs': '6.11.0' } }
