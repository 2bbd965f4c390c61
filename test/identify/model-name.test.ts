import { describe, expect, it } from 'vitest';
import { loadFingerprints, modelWithoutVendor } from '../../src/identify/index.js';

describe('modelWithoutVendor', () => {
  const { aliases } = loadFingerprints();

  it.each([
    ['HP OfficeJet Pro 9010 series', 'HP', 'OfficeJet Pro 9010 series'],
    ['Google Nest Mini', 'Google', 'Nest Mini'],
    ['Philips hue bridge 2015', 'Philips', 'hue bridge 2015'],
    ['tado Internet Bridge IB01', 'tado', 'Internet Bridge IB01'],
    ['Home Assistant Green', 'Home Assistant', 'Green'],
    // An alias spelling of the vendor counts as its name.
    ['Signify Hue Bridge', 'Philips', 'Hue Bridge'],
  ])('strips the vendor from "%s" (%s)', (model, vendor, expected) => {
    expect(modelWithoutVendor(model, vendor, aliases)).toBe(expected);
  });

  it.each([
    ['FRITZ!Box 7590', 'AVM'],
    ['DS218+', 'Synology'],
    ['Nest Mini', 'Google'],
    ['DIRIGERA Hub', 'IKEA'],
    // An Apple TV's AirPlay model code starts like the maker's alias ('^Apple') but is a model (it was lost before).
    ['AppleTV11,1', 'Apple'],
    ['AudioAccessory5,1', 'Apple'],
  ])('leaves "%s" (%s) alone', (model, vendor) => {
    expect(modelWithoutVendor(model, vendor, aliases)).toBe(model);
  });

  it('gives no model when the model is only the vendor name', () => {
    expect(modelWithoutVendor('Sonos', 'Sonos', aliases)).toBeNull();
  });

  it('keeps the model when no vendor is known', () => {
    expect(modelWithoutVendor('HP OfficeJet', null, aliases)).toBe('HP OfficeJet');
  });
});
