"""Text as read: decoding bytes, a normalised matching form with an offset map, segmentation."""
