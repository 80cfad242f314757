<?php
namespace Acme;
class Site {}
