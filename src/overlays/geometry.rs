//! Geometry: how an element sits over the page, from the layout the page layer measured.
//! Overlays float (fixed, sticky, top layer) and either cover the viewport, hug its top or
//! bottom edge, or slide in at a corner; article content flows with the page.

use crate::snapshot::{Layout, Node, Viewport};

/// Share of the viewport a backdrop or full-screen modal covers.
const COVER_SHARE: f32 = 0.8;
/// Share of the viewport width an edge banner spans.
const BANNER_WIDTH_SHARE: f32 = 0.9;
/// Distance (px) from the viewport edge that still counts as "at the edge".
const EDGE_SLACK: f32 = 24.0;

/// The shape of a floating element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Covers most of the viewport (a full-screen modal or a backdrop).
    CoversViewport,
    /// Full width at the top or bottom edge.
    EdgeBanner,
    /// A box near a corner or side (slide-in).
    SlideIn,
    /// A box floating elsewhere (a centred modal).
    Floating,
}

/// What the layout says about an element; `None` when it does not float.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub shape: Shape,
    /// "fixed", "sticky", "top layer" or "absolute".
    pub anchor: &'static str,
    pub z_index: i32,
}

impl Placement {
    pub fn shape_label(&self) -> &'static str {
        match self.shape {
            Shape::CoversViewport => "covers viewport",
            Shape::EdgeBanner => "edge banner",
            Shape::SlideIn => "corner slide-in",
            Shape::Floating => "floating box",
        }
    }
}

/// True when layout is known for this element and the page.
pub fn has_layout(node: &Node, viewport: Viewport) -> bool {
    node.layout.is_some() && viewport.width > 0.0 && viewport.height > 0.0
}

/// How the element floats over the page, if it does.
pub fn placement(node: &Node, viewport: Viewport) -> Option<Placement> {
    let layout = node.layout.as_ref()?;
    if viewport.width <= 0.0 || viewport.height <= 0.0 || is_empty_box(layout) {
        return None;
    }
    let shape = shape_of(layout, viewport);
    let anchor = if layout.top_layer {
        "top layer"
    } else {
        match &*layout.position {
            "fixed" => "fixed",
            // Sticky headers are navigation; only sticky bars at an edge count.
            "sticky" if shape == Shape::EdgeBanner => "sticky",
            // Absolute boxes float only when they blanket the screen.
            "absolute" if shape == Shape::CoversViewport => "absolute",
            _ => return None,
        }
    };
    Some(Placement {
        shape,
        anchor,
        z_index: layout.z_index,
    })
}

fn is_empty_box(layout: &Layout) -> bool {
    layout.width <= 1.0 || layout.height <= 1.0
}

fn shape_of(layout: &Layout, viewport: Viewport) -> Shape {
    let visible_width = overlap(layout.x, layout.width, viewport.width);
    let visible_height = overlap(layout.y, layout.height, viewport.height);
    let covered = (visible_width * visible_height) / (viewport.width * viewport.height);
    if covered >= COVER_SHARE {
        return Shape::CoversViewport;
    }
    let full_width = visible_width >= viewport.width * BANNER_WIDTH_SHARE;
    let at_top = layout.y <= EDGE_SLACK;
    let at_bottom = layout.y + layout.height >= viewport.height - EDGE_SLACK;
    if full_width && (at_top || at_bottom) {
        return Shape::EdgeBanner;
    }
    let at_side = layout.x <= EDGE_SLACK || layout.x + layout.width >= viewport.width - EDGE_SLACK;
    // Slide-ins rise from the bottom (any column) or drop into a top corner.
    if at_bottom || (at_side && at_top) {
        Shape::SlideIn
    } else {
        Shape::Floating
    }
}

/// Length of [start, start+length) inside [0, limit).
fn overlap(start: f32, length: f32, limit: f32) -> f32 {
    let from = start.max(0.0);
    let to = (start + length).min(limit);
    (to - from).max(0.0)
}

/// A near-empty element covering the viewport with a tint or blur: a modal's backdrop.
pub fn is_backdrop(node: &Node, viewport: Viewport, text_chars: u32) -> bool {
    let Some(layout) = node.layout.as_ref() else {
        return false;
    };
    let tinted = layout.background_alpha > 0.05 || layout.blurred;
    text_chars <= 2
        && tinted
        && placement(node, viewport).is_some_and(|p| p.shape == Shape::CoversViewport)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boxed(x: f32, y: f32, width: f32, height: f32, position: &str) -> Node<'_> {
        Node {
            tag: "div".into(),
            layout: Some(Layout {
                x,
                y,
                width,
                height,
                position: position.into(),
                opacity: 1.0,
                ..Layout::default()
            }),
            ..Node::default()
        }
    }

    #[test]
    fn shapes() {
        let viewport = Viewport {
            width: 1200.0,
            height: 800.0,
        };
        let cover = placement(&boxed(0.0, 0.0, 1200.0, 800.0, "fixed"), viewport);
        assert_eq!(cover.map(|p| p.shape), Some(Shape::CoversViewport));
        let bottom = placement(&boxed(0.0, 650.0, 1200.0, 150.0, "fixed"), viewport);
        assert_eq!(bottom.map(|p| p.shape), Some(Shape::EdgeBanner));
        let corner = placement(&boxed(850.0, 500.0, 330.0, 280.0, "fixed"), viewport);
        assert_eq!(corner.map(|p| p.shape), Some(Shape::SlideIn));
        assert_eq!(
            placement(&boxed(0.0, 0.0, 1200.0, 80.0, "static"), viewport),
            None
        );
        assert_eq!(
            placement(&boxed(0.0, 0.0, 1200.0, 80.0, "sticky"), viewport).map(|p| p.anchor),
            Some("sticky")
        );
        assert_eq!(
            placement(&boxed(200.0, 300.0, 300.0, 80.0, "sticky"), viewport),
            None
        );
    }
}
