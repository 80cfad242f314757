module.exports = require('a') + 'b';
