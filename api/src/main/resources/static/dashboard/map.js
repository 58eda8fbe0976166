/*
 * The choropleth: Leaflet with no base map (nothing is fetched from a tile server), one SVG path
 * per area coloured by its outcome class. Each path carries data-area-code, is focusable and acts
 * as a button (Enter or Space opens the area, as a click does); the tooltip follows focus too.
 */
import * as L from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';
import { outcomeClass, disclosureClass } from './format.js';

export class AreaMap {
  constructor(element, onActivate) {
    this.onActivate = onActivate;
    this.map = L.map(element, { zoomSnap: 0.25, zoomDelta: 0.5, keyboard: true, attributionControl: true });
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution('Boundaries as loaded into Sightline; map drawn with Leaflet');
    this.map.setView([51, -2], 7);
    this.areasLayer = null;
    this.outlineLayer = null;
    this.pathsByCode = new Map();
  }

  /**
   * Draws the areas: [{code, name, geometry, outcome, disclosure, label, drillable}], inside the
   * parent's outline (a GeoJSON geometry, or null).
   */
  show(areas, parentOutline, selectedCode) {
    if (this.areasLayer) {
      this.areasLayer.remove();
    }
    if (this.outlineLayer) {
      this.outlineLayer.remove();
    }
    this.pathsByCode.clear();
    const features = areas.filter(a => a.geometry).map(a => ({ type: 'Feature', geometry: a.geometry, properties: a }));
    this.areasLayer = L.geoJSON(features, {
      style: feature => ({
        className: 'area ' + outcomeClass(feature.properties.outcome) + ' ' + disclosureClass(feature.properties.disclosure),
        color: '#0b0c0c',
        weight: 1,
        fillOpacity: 1
      }),
      onEachFeature: (feature, layer) => {
        layer.bindTooltip(feature.properties.tooltip || feature.properties.name, { sticky: true, direction: 'top' });
        layer.on('click', () => this.onActivate(feature.properties.code, false));
      }
    }).addTo(this.map);
    this.areasLayer.eachLayer(layer => {
      const area = layer.feature.properties;
      const path = layer.getElement();
      if (!path) {
        return;
      }
      path.setAttribute('data-area-code', area.code);
      path.setAttribute('data-outcome', area.outcome || 'UNAVAILABLE');
      path.setAttribute('data-disclosure', area.disclosure || '');
      path.setAttribute('tabindex', '0');
      path.setAttribute('role', 'button');
      path.setAttribute('aria-label', area.label || area.name);
      if (area.code === selectedCode) {
        path.classList.add('is-selected');
      }
      path.addEventListener('keydown', event => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          this.onActivate(area.code, true);
        }
      });
      path.addEventListener('focus', () => layer.openTooltip());
      path.addEventListener('blur', () => layer.closeTooltip());
      this.pathsByCode.set(area.code, path);
    });
    if (parentOutline) {
      this.outlineLayer = L.geoJSON({ type: 'Feature', geometry: parentOutline, properties: {} }, {
        style: () => ({ className: 'parent-outline', interactive: false, fill: false, weight: 3, color: '#0b0c0c' }),
        interactive: false
      }).addTo(this.map);
    }
    const bounds = this.outlineLayer ? this.outlineLayer.getBounds() : this.areasLayer.getBounds();
    if (bounds.isValid()) {
      this.map.invalidateSize();
      this.map.fitBounds(bounds, { padding: [12, 12], animate: false });
    }
  }

  select(code) {
    this.pathsByCode.forEach((path, c) => path.classList.toggle('is-selected', c === code));
  }

  focusContainer() {
    this.map.getContainer().focus();
  }
}
