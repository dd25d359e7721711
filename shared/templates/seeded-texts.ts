// Every text of a programme template that a seed has written, as the digest of what the seed compares
// (`seededDigest` in programme-templates.ts: kind, description, fallback language and variants), newest first. A
// template stored with one of them is as a seed left it, whatever its version (a seed's own upgrade makes version 2),
// so the next seed upgrades it; one staff changed says something else and stays. Compiled from the history of
// programme-templates.ts (a25112b to 9c101f3, then the States' names in text); the unit test
// test/unit/programme-templates-seeded.test.ts fails until a changed text's new digest is added here, the old ones kept.
export const SEEDED_TEXTS: Readonly<Record<string, readonly string[]>> = {
  "programme-first-report-request": [
    "0ba4c54fb953e9cb50a0251a16bed0d9bde133614207683dc312dc16db71f1f2",
    "de23a8ce566afaa077cd6c568708b08d210d7b57759f6c1b2822f3f599024ca3",
    "e7f26f5650b93c66ca68c60812910eedfae1bdf7c485f29525f66b956c045ff1",
  ],
  "programme-resolution-2663-letter": [
    "c6513ef23b4e6de6f270223cd2e983f2529501512e4a1c9cf851da5ffa7fde91",
    "5841db2623aef08bf550d30fed5b9aa873d435323784f78dfde4dbd8c4c8f2ee",
    "77357b4b0373600571e82c83176174b1194e4df5d2d747436ff61c9b12d0b670",
  ],
  "programme-point-of-contact-update": [
    "360d944aa0aa69089924fce75db8ad98de1642e53829a1423f6d63c581d37f77",
    "d71c2632f8d5356b05d0f67f7819dcd87a57c385e6caea2c025cf1fe3f081cd6",
    "e70a7b91131fb86e635f18b40d47378dfbd1c8f2c3a537e5e9eef4666b8effc4",
    "92ede7142e4ab900bee72c94f0258b97ebe95d1105db900318877656ad52bce7",
  ],
  "programme-outreach-letter": [
    "afca0f6b2f48e547f9113ae456cd741f276a92af9972d72d779565edf63fd0fb",
    "102651209ef2f6b2392f9e212fd015f8d345578dbb252bd8c8d66d079c8cbe06",
    "0781f9608ccf2bbe30ab3c148994dc797ab881025d9e049ecfc0ed5198b25b4b",
  ],
  "programme-provider-offer-update": [
    "d17af2a473048ecb0fdf51703058ad00337d1fe8a0f3f9851dc58ffda964dd48",
    "79b40892cfb37e68f6d4793e97dda8783de715e460a8102043096e95c09c34de",
    "b20c84dcf8a5f9ffa9738f50791d3913e176c0f48a45004c45602aac48f99c60",
    "6c3db32b30e9302c93f8834183ddee1d007f50d0e36f54207a1226c1e35ccc69",
    "c7c6242c0066674dbe7917d589723c05277c47bac4ff7f7db3cdb7cd9db91001",
  ],
  "programme-effective-practices-invitation": [
    "feacaf0c79fb4338510fe0fa513b48785d0cfd08efb5630c09567aad1e9372f0",
    "6ada63da445465827b2790e9f9be9108a370c49c490669c9e71d2ee48b0d7ce1",
    "8264d4ecae49373d2ad87a7ba4b5da522a0dbc13cf11ddb6386a77cd0e57d7af",
    "3d13cdaa9cc99080c43b5c175b9b59d1ac677be274bc4b73f79d4eb9f87d646a",
  ],
  "programme-open-briefing-invitation": [
    "bad14a759331a167b17e17cf2af3952507c2e15ff12f49736528ffb31e17688d",
    "f96d751a8c3ce98f9577b299bf1001c225c73f808cd1779bec172b1a649cb73b",
    "d1021e1885dc2b9f92fbdd55a493b4062f6b1a2a1eeeccd1277c8a5a69b6d3da",
    "d4d614b58ac69329bc73de74ec1b4466a0e84091727d6462ef83e8ff07b66c69",
  ],
};
