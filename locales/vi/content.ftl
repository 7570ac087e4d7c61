# Messages of content (see campaign.ftl for the conventions).
