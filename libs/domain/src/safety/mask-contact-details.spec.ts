import { CONTACT_MASK, looksLikeContactDetails, maskContactDetails } from './mask-contact-details';

const H = CONTACT_MASK;

describe('maskContactDetails', () => {
  it.each([
    // emails
    ['mail me at jo.smith+maths@gmail.com ok', `mail me at ${H} ok`],
    ['JO_99@School.ac.uk.', `${H}.`],
    ['jo (at) gmail (dot) com', H],
    ['jo [at] gmail [dot] com', H],
    ['jo at gmail dot com', H],
    // links
    ['see https://example.com/path?q=1 now', `see ${H} now`],
    ['http://localhost:3000', H],
    ['go to www.coolmath.games', `go to ${H}`],
    ['example.com', H],
    ['join discord.gg/xyz123 pls', `join ${H} pls`],
    ['bit.ly/abc', H],
    ['t.me/somebody', H],
    ['my site is jo-smith.co.uk/about', `my site is ${H}`],
    // phone numbers
    ['call 555-123-4567', `call ${H}`],
    ['(555) 123-4567', H],
    ['+44 20 7946 0958', H],
    ['+44 (0) 20 7946 0958', H],
    ['0044 20 7946 0958', H],
    ['+33612345678', H],
    ['5551234567', H],
    ['my number: 555.123.4567', `my number: ${H}`],
    ['5 5 5 1 2 3 4 5 6 7', H],
    ['07700 900123 text me', `${H} text me`],
    // social handles
    ['add me @cool_kid99', `add me ${H}`],
    ['snap: jo.smith', H],
    ['Snapchat - jo_smith', H],
    ['my insta is jo.draws', `my ${H}`],
    ['insta jodraws', H],
    ['im on snap its jo_smith', `im on ${H}`],
    ["my snap's name is jo", `my ${H}`],
    ['discord jo#1234', H],
    ['im jo#1234 there', `im ${H} there`],
    ['ig: jo_draws', H],
    ['tiktok @jo', H],
    // several at once
    ['jo@x.com or 555 123 4567 or @jo', `${H} or ${H} or ${H}`],
  ])('masks %j', (input, expected) => {
    const result = maskContactDetails(input);
    expect(result.text).toBe(expected);
    expect(result.masked).toBe(expected.split(H).length - 1);
  });

  it.each([
    '3 + 4 = 7',
    '12 x 12 = 144',
    '12 × 12 = 144',
    '1/2 + 3/4 = 5/4',
    '3.14159265',
    'pi is about 3.1415926535',
    '1234567 + 7654321 = 8888888',
    '2^20 = 1048576',
    '-1234567 is negative',
    '3 + 4567890',
    '1,234,567 is a big number',
    '(12 + 34) × (56 - 78)',
    '0.125 = 1/8',
    'the exam is on 2026-06-15',
    'x = 5, y = 12, so x + y = 17',
    '25% of 80 is 20',
    'e.g. 4 × 5 = 20, i.e. twenty',
    'look at this dot product',
    'do you have snapchat?',
    'add me on roblox',
    'the answer is 42',
    'email and phone are not allowed here',
    'we meet at 10:30',
    'wow, 5 x 5 = 25!',
    '',
  ])('leaves %j alone', (input) => {
    expect(maskContactDetails(input)).toEqual({ text: input, masked: 0 });
  });
});

describe('looksLikeContactDetails (sign-up handles)', () => {
  it.each([
    ['jo@gmail.com', true],
    ['5551234567', true],
    ['gamer5551234567', true],
    ['jo.com', true],
    ['www.jo', true],
    ['jo#1234', true],
    ['@jo', true],
    ['discord.gg', true],
    ['MathWizard', false],
    ['jo_smith_2012', false],
    ['snap_queen', false],
    ['Pi314', false],
    ['ninja.fox', false],
  ])('%j → %p', (handle, expected) => {
    expect(looksLikeContactDetails(handle)).toBe(expected);
  });
});
