import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { countryOptions, defaultCountry, defaultLanguages, languageOptions, timeZoneOptions } from './locale-options';

describe('sign-up defaults from the browser', () => {
  it('takes the country from the first tag with a region', () => {
    assert.equal(defaultCountry(['fr', 'en-NZ', 'de-DE']), 'NZ');
    assert.equal(defaultCountry(['zh-Hant-TW']), 'TW');
    assert.equal(defaultCountry(['en']), '');
  });
  it('keeps ISO 639-1 languages in order without repeats', () => {
    assert.deepEqual(defaultLanguages(['en-GB', 'en', 'mi', 'fil']), ['en', 'mi']);
    assert.deepEqual(defaultLanguages([]), ['en']);
  });
});

describe('option lists', () => {
  it('names and sorts countries', () => {
    const countries = countryOptions();
    assert.equal(countries.length, 249);
    assert.equal(countries.find((c) => c.code === 'NZ')?.name, 'New Zealand');
  });
  it('names languages', () => assert.equal(languageOptions().find((l) => l.code === 'es')?.name, 'Spanish'));
  it('always offers the detected time zone', () => {
    assert.equal(timeZoneOptions('Not/AZone')[0], 'Not/AZone');
    assert.ok(timeZoneOptions('Europe/Paris').includes('Europe/Paris'));
  });
});
